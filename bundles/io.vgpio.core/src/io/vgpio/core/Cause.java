package io.vgpio.core;

/** Who changed a line level. */
public enum Cause {
    /** The guest driver, through SET_VALUE or SET_DIRECTION. */
    GUEST(0),
    /** A person or script: the UI, the control socket. */
    USER(1),
    /** A trace being replayed. */
    REPLAY(2),
    /** A physical line bound through the GPIO character device. */
    HARDWARE(3),
    /** A fault rule: a glitch pulse or a line forced to the level it is stuck at (issue 13). */
    FAULT(4),
    /** A simulated part on the line's net (issue 14): a button, a clock, an I2C device answering the bus. */
    PART(5);

    private static final Cause[] BY_WIRE = WireNumbers.index(values(), Cause::wire);
    private final int wire;

    Cause(int wire) {
        this.wire = wire;
    }

    /** The cause's number in LEVEL events and traces (the compact LEVEL record holds 0 to 3; a larger one is written generic); fixed forever. */
    public int wire() {
        return wire;
    }

    /** The cause with this wire number, or null. */
    public static Cause fromWire(long wire) {
        return WireNumbers.lookup(BY_WIRE, wire);
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
