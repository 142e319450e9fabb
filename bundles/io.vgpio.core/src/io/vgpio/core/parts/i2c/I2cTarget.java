package io.vgpio.core.parts.i2c;

/**
 * A device's side of I2C transfers, byte by byte, as {@link I2cSlave} decodes them from the bus. Called under the
 * chip's monitor, in bus order: quick, no waiting.
 */
public interface I2cTarget {
    /** A START (or repeated START) addressed this device; {@code read} for a read transfer. */
    void start(boolean read);

    /** A byte the master wrote; true to acknowledge it. */
    boolean write(int value);

    /** The next byte to send the master. */
    int read();

    /** The transfer ended with a STOP. */
    void stop();
}
