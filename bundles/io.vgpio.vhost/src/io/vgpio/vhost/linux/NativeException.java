package io.vgpio.vhost.linux;

import java.io.IOException;

/** A system call failed; carries errno. */
public final class NativeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public NativeException(String call, int errno) {
        super(call + ": " + Linux.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
