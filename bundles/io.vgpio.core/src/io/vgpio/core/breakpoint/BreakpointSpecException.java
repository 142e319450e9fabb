package io.vgpio.core.breakpoint;

/** A breakpoint spec that cannot be used; the message names the bad key or value and what would do. */
public final class BreakpointSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public BreakpointSpecException(String message) {
        super(message);
    }
}
