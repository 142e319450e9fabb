package io.vgpio.gpiocdev;

import io.vgpio.linux.Errno;

/** A line request was refused because another consumer holds the line; names that consumer. */
public final class LineBusyException extends GpioException {
    private static final long serialVersionUID = 1L;

    private final String consumer;

    public LineBusyException(String chip, int offset, String consumer) {
        super(chip + " line " + offset + " is busy: it is held by "
                + (consumer.isEmpty() ? "the kernel (no consumer name)" : "consumer \"" + consumer + "\"")
                + "; stop that user of the line (e.g. its gpioset or driver) and try again, or pick another line",
                Errno.EBUSY);
        this.consumer = consumer;
    }

    /** The consumer label holding the line; empty when the kernel gave none. */
    public String consumer() {
        return consumer;
    }
}
