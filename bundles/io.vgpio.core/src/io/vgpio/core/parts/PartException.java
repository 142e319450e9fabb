package io.vgpio.core.parts;

/** A part spec, property or value that cannot be used; the message names it and the fix. */
public final class PartException extends Exception {
    private static final long serialVersionUID = 1L;

    public PartException(String message) {
        super(message);
    }
}
