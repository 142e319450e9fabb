package io.vgpio.core.tests.parts;

/**
 * An I2C master bit by bit on a {@link Board}, as Linux's i2c-algo-bit drives i2c-gpio on a chip without open drain:
 * every SDA and SCL change is a direction switch (input releases, output 0 pulls low), every read a GET_VALUE.
 */
final class BitBangMaster {
    private final Board board;

    BitBangMaster(Board board) {
        this.board = board;
        board.openDrain("SDA", 1);
        board.openDrain("SCL", 1);
    }

    void sda(int v) {
        board.openDrain("SDA", v);
    }

    void scl(int v) {
        board.openDrain("SCL", v);
    }

    int readSda() {
        return board.read("SDA");
    }

    /** START, or a repeated START after a byte: SDA falls while SCL is high. */
    void start() {
        sda(1);
        scl(1);
        sda(0);
        scl(0);
    }

    void stop() {
        sda(0);
        scl(1);
        sda(1);
    }

    /** Clocks one bit out; returns what SDA read while SCL was high. */
    int bit(int v) {
        sda(v);
        scl(1);
        int seen = readSda();
        scl(0);
        return seen;
    }

    /** Writes a byte; true when the slave acknowledged it. */
    boolean write(int value) {
        for (int i = 7; i >= 0; i--) {
            bit(value >> i & 1);
        }
        return bit(1) == 0;
    }

    /** Reads a byte and acknowledges it (ack) or not (the last byte of a read). */
    int read(boolean ack) {
        int v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 1 | bit(1);
        }
        bit(ack ? 0 : 1);
        return v;
    }

    /** A register read: START, address+W, the register, repeated START, address+R, n bytes, STOP. */
    int[] readRegister(int address, int register, int n) {
        start();
        if (!write(address << 1) || !write(register)) {
            stop();
            throw new AssertionError("no ACK from 0x" + Integer.toHexString(address));
        }
        start();
        write(address << 1 | 1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = read(i < n - 1);
        }
        stop();
        return out;
    }

    /** A write: START, address+W, the bytes (each must be acknowledged), STOP. */
    void writeBytes(int address, int... bytes) {
        start();
        if (!write(address << 1)) {
            stop();
            throw new AssertionError("no ACK from 0x" + Integer.toHexString(address));
        }
        for (int b : bytes) {
            if (!write(b)) {
                throw new AssertionError("byte 0x" + Integer.toHexString(b) + " not acknowledged");
            }
        }
        stop();
    }
}
