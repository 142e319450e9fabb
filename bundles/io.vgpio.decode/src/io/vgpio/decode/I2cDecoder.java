package io.vgpio.decode;

/**
 * I2C: START, repeated START, STOP, the address with read/write, ACK/NACK and data bytes. It follows the state
 * machine of sigrok's i2c decoder, so both report the same on the same edges: a bit is SDA at SCL's rising edge,
 * START and STOP are SDA falling and rising while SCL is high, and only between bytes (inside a byte every SCL
 * rise is a bit). No timing is assumed, so a slow, stretched or irregular clock decodes the same as a steady one.
 * The transactions (START to STOP) go to an {@link I2cTransactions}, which also names 10-bit addresses.
 */
public final class I2cDecoder extends SampledDecoder {
    public static final int SCL = 0;
    public static final int SDA = 1;

    private enum State { FIND_START, FIND_ADDRESS, FIND_DATA, FIND_ACK }

    private final I2cTransactions transactions;
    private State state = State.FIND_START;
    private boolean repeatStart;
    private boolean read;
    private int bitCount;
    private int dataByte;
    private long byteStart;
    private long previousBitTime;
    private long bitWidth;

    public I2cDecoder(DecodeListener listener) {
        super(listener);
        this.transactions = new I2cTransactions(listener);
    }

    @Override
    protected void sample(long t, int levels, int previous) {
        boolean sclRose = rose(levels, previous, SCL);
        boolean sclHigh = high(levels, SCL);
        boolean sdaFell = fell(levels, previous, SDA);
        boolean sdaRose = rose(levels, previous, SDA);
        int sda = levels >> SDA & 1;
        switch (state) {
            case FIND_START -> {
                if (sclHigh && sdaFell) {
                    start(t);
                }
            }
            case FIND_ADDRESS -> {
                if (sclRose) {
                    bit(t, sda);
                }
            }
            case FIND_DATA -> {
                if (sclRose) {
                    bit(t, sda);
                } else if (sclHigh && sdaFell) {
                    start(t);
                } else if (sclHigh && sdaRose) {
                    stop(t);
                }
            }
            case FIND_ACK -> {
                if (sclRose) {
                    ack(t, sda);
                }
            }
        }
    }

    private void start(long t) {
        emit(t, t, repeatStart ? AnnotationKind.REPEAT_START : AnnotationKind.START, Annotation.NO_VALUE);
        transactions.start(t, repeatStart);
        state = State.FIND_ADDRESS;
        bitCount = 0;
        dataByte = 0;
        repeatStart = true;
    }

    private void bit(long t, int sda) {
        dataByte = dataByte << 1 | sda;
        if (bitCount == 0) {
            byteStart = t;
        }
        if (bitCount == 7) {
            // sigrok's estimate of a bit's width: from the seventh bit to the eighth
            bitWidth = t - previousBitTime;
        }
        previousBitTime = t;
        if (bitCount < 7) {
            bitCount++;
            return;
        }
        long end = t + bitWidth;
        if (state == State.FIND_ADDRESS) {
            read = (dataByte & 1) != 0;
            int address = dataByte >> 1;
            // as in sigrok, the address ends where the R/W bit (its eighth bit) is sampled
            emit(byteStart, t, read ? AnnotationKind.ADDRESS_READ : AnnotationKind.ADDRESS_WRITE, address);
            transactions.address(dataByte);
        } else {
            emit(byteStart, end, read ? AnnotationKind.DATA_READ : AnnotationKind.DATA_WRITE, dataByte);
            transactions.data(dataByte);
        }
        bitCount = 0;
        dataByte = 0;
        state = State.FIND_ACK;
    }

    private void ack(long t, int sda) {
        emit(t, t + bitWidth, sda == 1 ? AnnotationKind.NACK : AnnotationKind.ACK, Annotation.NO_VALUE);
        transactions.ack(sda == 0);
        state = State.FIND_DATA;
    }

    private void stop(long t) {
        emit(t, t, AnnotationKind.STOP, Annotation.NO_VALUE);
        transactions.stop(t);
        state = State.FIND_START;
        repeatStart = false;
    }

    @Override
    protected void finish(long endNs) {
        transactions.cut(endNs);
    }
}
