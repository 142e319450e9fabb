package io.vgpio.virtio;

import io.vgpio.core.EventKind.ChainError;

/** A descriptor chain the driver made is not usable. */
public final class ChainException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ChainError error;

    public ChainException(ChainError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    public ChainError error() {
        return error;
    }
}
