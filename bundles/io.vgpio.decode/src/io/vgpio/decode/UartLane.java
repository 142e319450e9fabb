package io.vgpio.decode;

/**
 * One direction of a UART: the state machine of sigrok's uart decoder for one line (wait for the start bit's edge,
 * then sample the start, data, parity and stop bits at the middles sigrok computes), and its break detection.
 */
final class UartLane {
    /** Where an annotation goes: start, end, kind, value, lane. */
    interface Emitter {
        void emit(long startNs, long endNs, AnnotationKind kind, int value, int lane, int digits);
    }

    private enum State { WAIT_FOR_START, START_BIT, DATA_BITS, PARITY_BIT, STOP_BIT }

    private static final long NEVER = Long.MAX_VALUE;

    private final int channel;
    private final UartDecoder.Options options;
    private final Emitter out;
    private final UartTransactions transactions;
    private final double bitWidth;
    private final long frameLength;
    private final AnnotationKind dataKind;
    private State state = State.WAIT_FOR_START;
    private long frameStart;
    private long firstDataSample;
    private int bit;
    private int value;
    private long breakStart = -1;
    private long deadline = NEVER;

    UartLane(int channel, UartDecoder.Options options, Emitter out, UartTransactions transactions) {
        this.channel = channel;
        this.options = options;
        this.out = out;
        this.transactions = transactions;
        this.bitWidth = options.bitWidth();
        double bits = 1 + options.dataBits() + (options.parity() == UartDecoder.Parity.NONE ? 0 : 1)
                + options.stopBits();
        this.frameLength = (long) Math.ceil(bits * bitWidth);
        this.dataKind = channel == UartDecoder.RX ? AnnotationKind.RX_DATA : AnnotationKind.TX_DATA;
    }

    int channel() {
        return channel;
    }

    long deadline() {
        return deadline;
    }

    /** One sample of this lane's line, raw levels (inversion is applied here). */
    void sample(long t, int raw, int rawPrevious) {
        int level = options.invert() ? raw ^ 1 : raw;
        boolean edge = raw != rawPrevious;
        boolean dataMatched = state == State.WAIT_FOR_START ? edge && level == 0 : deadline == t;
        if (dataMatched) {
            inspect(t, level);
        }
        if (edge) {
            edge(t, level);
        }
    }

    private void inspect(long t, int level) {
        switch (state) {
            case WAIT_FOR_START -> {
                frameStart = t;
                state = State.START_BIT;
            }
            case START_BIT -> {
                if (level != 0) {
                    // a glitch, not a start bit
                    emitAround(t, AnnotationKind.FRAME_ERROR);
                    transactions.error(channel, t);
                    state = State.WAIT_FOR_START;
                } else {
                    bit = 0;
                    value = 0;
                    firstDataSample = -1;
                    state = State.DATA_BITS;
                }
            }
            case DATA_BITS -> dataBit(t, level);
            case PARITY_BIT -> {
                if (!parityOk(level)) {
                    emitAround(t, AnnotationKind.PARITY_ERROR);
                    transactions.error(channel, t);
                }
                state = State.STOP_BIT;
            }
            case STOP_BIT -> {
                if (level != 1) {
                    emitAround(t, AnnotationKind.FRAME_ERROR);
                    transactions.error(channel, t);
                }
                state = State.WAIT_FOR_START;
            }
        }
        deadline = nextSamplePoint();
    }

    private void dataBit(long t, int level) {
        if (firstDataSample < 0) {
            firstDataSample = t;
        }
        value |= level << bit;
        if (++bit < options.dataBits()) {
            return;
        }
        long half = (long) Math.floor(bitWidth / 2);
        // sigrok pads a frame's value to the digits its data bits need: 3 for 9 bits
        out.emit(firstDataSample - half, t + (long) Math.ceil(bitWidth / 2), dataKind, value, channel,
                (options.dataBits() + 3) / 4);
        transactions.frame(channel, frameStart, t + (long) Math.ceil(bitWidth / 2), value);
        state = options.parity() == UartDecoder.Parity.NONE ? State.STOP_BIT : State.PARITY_BIT;
    }

    private boolean parityOk(int parityBit) {
        int ones = Integer.bitCount(value) + parityBit;
        return options.parity() == UartDecoder.Parity.ODD ? ones % 2 == 1 : ones % 2 == 0;
    }

    /** A bit's annotation: half a bit either side of its sample point. */
    private void emitAround(long t, AnnotationKind kind) {
        out.emit(t - (long) Math.floor(bitWidth / 2), t + (long) Math.ceil(bitWidth / 2), kind, Annotation.NO_VALUE,
                channel, 2);
    }

    /** A line low for a whole frame or longer is a break, reported when it goes high again. */
    private void edge(long t, int level) {
        if (level == 0) {
            breakStart = t;
            return;
        }
        if (breakStart < 0) {
            return;
        }
        if (t - breakStart >= frameLength) {
            out.emit(frameStart, t, AnnotationKind.BREAK, Annotation.NO_VALUE, channel, 2);
            transactions.error(channel, t);
            state = State.WAIT_FOR_START;
            deadline = NEVER;
        }
        breakStart = -1;
    }

    /** The middle of the next bit, rounded up to a whole ns, as sigrok computes it in samples. */
    private long nextSamplePoint() {
        int bitNumber = switch (state) {
            case WAIT_FOR_START -> -1;
            case START_BIT -> 0;
            case DATA_BITS -> 1 + bit;
            case PARITY_BIT -> 1 + options.dataBits();
            case STOP_BIT -> 1 + options.dataBits() + (options.parity() == UartDecoder.Parity.NONE ? 0 : 1);
        };
        if (bitNumber < 0) {
            return NEVER;
        }
        double position = frameStart + (bitWidth - 1) / 2.0;
        position += bitNumber * bitWidth;
        return (long) Math.ceil(position);
    }

    void finish(long endNs) {
        transactions.finish(channel, endNs);
    }
}
