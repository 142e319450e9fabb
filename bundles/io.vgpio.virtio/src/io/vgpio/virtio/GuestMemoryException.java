package io.vgpio.virtio;

/** A guest address or length does not fall inside the guest's memory table. */
public final class GuestMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuestMemoryException(String message) {
        super(message, null, false, false); // thrown on bad guest input: no stack trace needed
    }
}
