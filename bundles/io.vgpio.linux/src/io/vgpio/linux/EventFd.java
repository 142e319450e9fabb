package io.vgpio.linux;

import com.sun.jna.Memory;

/** eventfd(2) counters: the kicks and calls of vhost-user, and the wake-ups that end a thread's wait. */
public final class EventFd {
    private EventFd() {
    }

    public static final int EFD_NONBLOCK = 0x800;
    /** Always added by {@link #create}: no eventfd of ours is meant for a child process. */
    public static final int EFD_CLOEXEC = 0x80000;
    /** An eventfd is read and written as one 64-bit counter value. */
    private static final int COUNTER_SIZE = 8;

    /** A new eventfd with counter 0 (close-on-exec; flags may add {@link #EFD_NONBLOCK}). */
    public static int create(int flags) throws NativeException {
        int fd = LibC.eventfd(0, flags | EFD_CLOEXEC);
        if (fd < 0) {
            throw NativeException.last("eventfd");
        }
        return fd;
    }

    /** Adds 1 to an eventfd counter (a kick or a call). */
    public static void signal(int efd) throws NativeException {
        Memory s = Scratch.get();
        s.setLong(0, 1);
        while (LibC.write(efd, s, COUNTER_SIZE) < 0) {
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("eventfd write", err);
            }
        }
    }

    /**
     * Reads and resets an eventfd counter; blocks if it is zero and the eventfd is blocking.
     *
     * @return the counter, or 0 if a non-blocking eventfd had nothing
     */
    public static long drain(int efd) throws NativeException {
        Memory s = Scratch.get();
        while (LibC.read(efd, s, COUNTER_SIZE) < 0) {
            int err = Errno.last();
            if (err == Errno.EAGAIN) {
                return 0;
            }
            if (err != Errno.EINTR) {
                throw new NativeException("eventfd read", err);
            }
        }
        return s.getLong(0);
    }
}
