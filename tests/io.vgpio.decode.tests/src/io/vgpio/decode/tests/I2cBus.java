package io.vgpio.decode.tests;

import java.util.Random;

/** Bit-bangs I2C onto a {@link Wave} (lines SCL and SDA), with optional clock stretching and jitter. */
final class I2cBus {
    final Wave wave;
    private final long quarter;
    private final Random jitter;
    private long stretch;

    /** @param bitNanos one clock period; {@code jitterSeed} >= 0 makes every phase up to a bit longer, at random */
    I2cBus(Wave wave, long bitNanos, long jitterSeed) {
        this.wave = wave;
        this.quarter = bitNanos / 4;
        this.jitter = jitterSeed < 0 ? null : new Random(jitterSeed);
        wave.initial("SCL", 1).initial("SDA", 1);
    }

    static Wave newWave() {
        return new Wave("SCL", "SDA");
    }

    private void pause() {
        wave.hold(quarter + (jitter == null ? 0 : jitter.nextInt((int) (4 * quarter))));
    }

    I2cBus idle(long nanos) {
        wave.hold(nanos);
        return this;
    }

    /** The target holds SCL low this much longer before the next bit. */
    I2cBus stretch(long nanos) {
        stretch = nanos;
        return this;
    }

    I2cBus start() {
        wave.set("SDA", 0);
        pause();
        wave.set("SCL", 0);
        pause();
        return this;
    }

    /** From SCL low after a byte: SDA up, SCL up, then SDA down while SCL is high. */
    I2cBus repeatStart() {
        wave.set("SDA", 1);
        pause();
        wave.set("SCL", 1);
        pause();
        return start();
    }

    I2cBus stop() {
        wave.set("SDA", 0);
        pause();
        wave.set("SCL", 1);
        pause();
        wave.set("SDA", 1);
        pause();
        return this;
    }

    I2cBus bit(int b) {
        wave.set("SDA", b);
        pause();
        wave.hold(stretch);
        stretch = 0;
        wave.set("SCL", 1);
        pause();
        pause();
        wave.set("SCL", 0);
        pause();
        return this;
    }

    /** Eight bits, most significant first, then the receiver's ACK (or NACK). */
    I2cBus write(int value, boolean ack) {
        for (int i = 7; i >= 0; i--) {
            bit(value >> i & 1);
        }
        return bit(ack ? 0 : 1);
    }

    I2cBus address(int address7, boolean read, boolean ack) {
        return write(address7 << 1 | (read ? 1 : 0), ack);
    }

    /** A spike of {@code nanos} on a line, now. */
    I2cBus glitch(String line, long nanos) {
        int level = wave.level(line);
        wave.set(line, 1 - level);
        wave.hold(nanos);
        wave.set(line, level);
        pause();
        return this;
    }
}
