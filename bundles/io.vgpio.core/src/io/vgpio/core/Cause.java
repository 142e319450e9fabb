package io.vgpio.core;

/** Who changed a line level. */
public enum Cause {
    /** The guest driver, through SET_VALUE or SET_DIRECTION. */
    GUEST,
    /** A person or script: the UI, the control socket. */
    USER,
    /** A trace being replayed. */
    REPLAY,
    /** A physical line bound through the GPIO character device. */
    HARDWARE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
