package io.vgpio.gpiocdev;

import io.vgpio.linux.Errno;

/**
 * A GPIO character device call failed. The message is a sentence for the user (what, where, and the fix when one is
 * known); {@link #errno()} is the system error number, 0 when the failure is not a system call's.
 */
public class GpioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public GpioException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public GpioException(String message) {
        this(message, 0);
    }

    public int errno() {
        return errno;
    }

    /** The chip or its device went away (board unplugged, driver unbound). */
    public boolean isGone() {
        return errno == Errno.ENODEV || errno == Errno.ENOENT || errno == Errno.ENXIO;
    }

    /** The line is owned by another consumer. */
    public boolean isBusy() {
        return errno == Errno.EBUSY;
    }

    static GpioException of(String what, int errno) {
        return new GpioException(what + ": " + Errno.describe(errno) + " (errno " + errno + ")", errno);
    }
}
