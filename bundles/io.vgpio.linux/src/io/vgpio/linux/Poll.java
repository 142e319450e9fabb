package io.vgpio.linux;

import com.sun.jna.Memory;

/** poll(2) on one descriptor, optionally with a second one whose readiness only ends the wait (a wake-up eventfd). */
public final class Poll {
    private Poll() {
    }

    public static final short POLLIN = 0x1;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;

    /** struct pollfd: int fd, short events, short revents (8 bytes, the same on every ABI). */
    private static final int POLLFD_SIZE = 8;
    private static final int POLLFD_FD = 0;
    private static final int POLLFD_EVENTS = 4;
    private static final int POLLFD_REVENTS = 6;

    /**
     * Waits until fd is readable; a signal does not end the wait.
     *
     * @param timeoutMillis -1 waits for ever
     * @return true if readable, false on timeout
     */
    public static boolean pollIn(int fd, int timeoutMillis) throws NativeException {
        Memory s = Scratch.get();
        watch(s, 0, fd);
        while (true) {
            int n = LibC.poll(s, 1, timeoutMillis);
            if (n >= 0) {
                return n > 0;
            }
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("poll", err);
            }
        }
    }

    /**
     * Waits until fd has input or an error, wakeFd becomes readable, or the timeout passes.
     *
     * @param wakeFd a descriptor whose readiness only ends the wait, or -1
     * @return fd's revents ({@link #POLLIN}, {@link #POLLERR}, ...): 0 after a timeout, a wake-up, or a signal that
     *         interrupted the wait (the callers wait in a loop that looks at why they should go on)
     */
    public static int readiness(int fd, int wakeFd, int timeoutMillis) throws NativeException {
        Memory s = Scratch.get();
        watch(s, 0, fd);
        watch(s, POLLFD_SIZE, wakeFd);
        int n = LibC.poll(s, wakeFd >= 0 ? 2 : 1, timeoutMillis);
        if (n < 0) {
            int err = Errno.last();
            if (err == Errno.EINTR) {
                return 0;
            }
            throw new NativeException("poll", err);
        }
        return s.getShort(POLLFD_REVENTS);
    }

    private static void watch(Memory s, int at, int fd) {
        s.setInt(at + POLLFD_FD, fd);
        s.setShort(at + POLLFD_EVENTS, POLLIN);
        s.setShort(at + POLLFD_REVENTS, (short) 0);
    }
}
