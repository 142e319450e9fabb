package io.vgpio.core.fault;

/** A fault spec that cannot be installed; the message names the bad key or value and what it should be. */
public final class FaultSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public FaultSpecException(String message) {
        super(message);
    }
}
