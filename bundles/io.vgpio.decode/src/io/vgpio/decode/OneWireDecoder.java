package io.vgpio.decode;

/**
 * 1-Wire link layer: resets, presence pulses and bits from the widths of the low pulses, at standard speed or
 * overdrive (entered after an Overdrive Skip or Match ROM command, 0x3c or 0x69, left at a standard reset), with
 * the state machine and limits of sigrok's onewire_link decoder so that both read the same. Bits after a reset are
 * also grouped into bytes (least significant bit first), which sigrok leaves to its network layer; a transaction
 * is a reset and the bytes after it.
 */
public final class OneWireDecoder extends SampledDecoder {
    public static final int LINE = 0;

    private enum State { INITIAL, IDLE, LOW, PRESENCE_HIGH, PRESENCE_LOW, SLOT, PRESENCE }

    private final OneWireTransactions transactions;
    private State state = State.INITIAL;
    private boolean overdrive;
    private long fall;
    private long rise;
    private int bitValue;
    private int romBits = -1;
    private int romCommand;
    private int byteBits;
    private int byteValue;
    private long byteStart;
    private long deadline = NEVER;

    /** @param overdrive whether the bus is at overdrive speed from the start */
    public OneWireDecoder(boolean overdrive, DecodeListener listener) {
        super(listener);
        this.overdrive = overdrive;
        this.transactions = new OneWireTransactions(listener);
    }

    private OneWireTiming timing() {
        return overdrive ? OneWireTiming.OVERDRIVE : OneWireTiming.STANDARD;
    }

    @Override
    protected void first(long t, int levels) {
        if (high(levels, LINE)) {
            rise = t;
            state = State.IDLE;
        }
    }

    @Override
    protected long deadline() {
        return deadline;
    }

    /** Wait for a falling edge or until {@code from + micros}, whichever comes first (sigrok's timeout wait). */
    private void waitFallingOr(long now, long from, double micros) {
        deadline = Math.max(now, from + OneWireTiming.samples(micros));
    }

    @Override
    protected void sample(long t, int levels, int previous) {
        boolean fell = fell(levels, previous, LINE);
        boolean rose = rose(levels, previous, LINE);
        boolean timeout = t == deadline;
        switch (state) {
            case INITIAL -> {
                if (high(levels, LINE)) {
                    rise = t;
                    state = State.IDLE;
                }
            }
            case IDLE -> {
                if (fell) {
                    fall = t;
                    state = State.LOW;
                }
            }
            case LOW -> {
                if (rose) {
                    rise = t;
                    lowEnded(t);
                }
            }
            case PRESENCE_HIGH -> {
                if (timeout) {
                    deadline = NEVER;
                    emit(rise, t, AnnotationKind.PRESENCE, 0);
                    transactions.presence(false);
                    state = State.IDLE;
                } else if (fell) {
                    deadline = NEVER;
                    fall = t;
                    state = State.PRESENCE_LOW;
                }
            }
            case PRESENCE_LOW -> {
                if (rose) {
                    if (OneWireTiming.micros(t - fall) > timing().resetHighMin()) {
                        rise = t;
                    }
                    state = State.PRESENCE;
                    waitFallingOr(t, rise, timing().resetHighMin());
                }
            }
            case SLOT -> {
                if (timeout) {
                    deadline = NEVER;
                    slotEnded(t);
                    state = State.IDLE;
                } else if (fell) {
                    // the next slot began before this one could end: no bit
                    deadline = NEVER;
                    fall = t;
                    state = State.LOW;
                }
            }
            case PRESENCE -> {
                if (timeout) {
                    deadline = NEVER;
                    emit(rise, t, AnnotationKind.PRESENCE, 1);
                    transactions.presence(true);
                    rise = t;
                    romBits = 0;
                    romCommand = 0;
                    state = State.IDLE;
                } else if (fell) {
                    deadline = NEVER;
                    emit(rise, t, AnnotationKind.PRESENCE, 1);
                    transactions.presence(true);
                    fall = t;
                    state = State.LOW;
                }
            }
        }
    }

    /** A low pulse ended: a reset, a time slot, or nothing sensible. */
    private void lowEnded(long t) {
        double micros = OneWireTiming.micros(rise - fall);
        OneWireTiming standard = OneWireTiming.STANDARD;
        if (micros >= standard.resetMin()
                || overdrive && micros >= timing().resetMin() && micros < timing().resetMax()) {
            if (micros >= standard.resetMin()) {
                overdrive = false;
            }
            emit(fall, rise, AnnotationKind.RESET, Annotation.NO_VALUE);
            transactions.reset(fall);
            byteBits = 0;
            byteValue = 0;
            state = State.PRESENCE_HIGH;
            waitFallingOr(t, rise, timing().presenceHighMax());
        } else if (micros < timing().slotMax()) {
            bitValue = micros < timing().oneMax() ? 1 : 0;
            state = State.SLOT;
            waitFallingOr(t, fall, timing().slotMin());
        } else {
            state = State.IDLE;
        }
    }

    private void slotEnded(long t) {
        emit(fall, t, AnnotationKind.BIT, bitValue);
        if (romBits >= 0) {
            romCommand += bitValue << romBits;
            romBits++;
        }
        if (romBits >= 8) {
            if (romCommand == 0x3c || romCommand == 0x69) {
                overdrive = true;
            }
            romBits = -1;
        }
        if (byteBits == 0) {
            byteStart = fall;
        }
        byteValue |= bitValue << byteBits;
        if (++byteBits == 8) {
            emit(byteStart, t, AnnotationKind.BYTE, byteValue);
            transactions.data(byteValue, t);
            byteBits = 0;
            byteValue = 0;
        }
    }

    @Override
    protected void finish(long endNs) {
        transactions.finish(endNs);
    }
}
