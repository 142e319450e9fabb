package io.vgpio.linux;

import java.io.IOException;

/** A system call failed: carries its errno (see {@link Errno}) and says which call and why in its message. */
public final class NativeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public NativeException(String call, int errno) {
        super(call + ": " + Errno.describe(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    /** The failure of {@code call} with the errno the last native call of this thread left. */
    static NativeException last(String call) {
        return new NativeException(call, Errno.last());
    }

    /** The failure of {@code call}, after closing the descriptor that was being set up (errno read first). */
    static NativeException lastClosing(String call, int fd) {
        NativeException e = last(call);
        LibC.close(fd);
        return e;
    }

    public int errno() {
        return errno;
    }
}
