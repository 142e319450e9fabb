package io.vgpio.linux;

import com.sun.jna.Memory;
import com.sun.jna.Platform;

/** epoll(7): one thread waits on a socket and many eventfds at once, and learns which by a token of its choosing. */
public final class Epoll {
    private Epoll() {
    }

    public static final int EPOLLIN = 0x1;
    public static final int EPOLLERR = 0x8;
    public static final int EPOLLHUP = 0x10;
    public static final int EPOLLET = 1 << 31;
    static final int EPOLL_CLOEXEC = 0x80000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;

    /**
     * struct epoll_event: u32 events, then a u64 of our own (the token). The kernel declares it packed on x86_64
     * only (12 bytes, the token at 4); elsewhere the token is aligned (16 bytes, at 8).
     */
    private static final boolean PACKED = "x86-64".equals(Platform.ARCH) || "x86_64".equals(Platform.ARCH);
    static final int EVENT_SIZE = PACKED ? 12 : 16;
    static final int EVENT_EVENTS = 0;
    static final int EVENT_DATA = PACKED ? 4 : 8;

    public static int create() throws NativeException {
        int fd = LibC.epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw NativeException.last("epoll_create1");
        }
        return fd;
    }

    /** Watches fd for input (level-triggered); {@link #await} reports {@code token}. */
    public static void add(int epfd, int fd, long token) throws NativeException {
        add(epfd, fd, token, EPOLLIN);
    }

    /**
     * Watches fd for input, edge-triggered: every write to an eventfd is reported once, so the counter never needs
     * to be read (it cannot overflow in practice: 2^64 kicks).
     */
    public static void addEdge(int epfd, int fd, long token) throws NativeException {
        add(epfd, fd, token, EPOLLIN | EPOLLET);
    }

    private static void add(int epfd, int fd, long token, int events) throws NativeException {
        try (Memory e = new Memory(EVENT_SIZE)) {
            e.clear();
            e.setInt(EVENT_EVENTS, events);
            e.setLong(EVENT_DATA, token);
            if (LibC.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, e) < 0) {
                throw NativeException.last("epoll_ctl add");
            }
        }
    }

    /** Stops watching fd; nothing to report if it was not watched (its removal is all a caller wants). */
    public static void remove(int epfd, int fd) {
        try (Memory e = new Memory(EVENT_SIZE)) {
            LibC.epoll_ctl(epfd, EPOLL_CTL_DEL, fd, e);
        }
    }

    /** Room for the results of one {@link #await}, reused from call to call. */
    public static final class Events {
        private final Memory mem;
        private final int max;

        public Events(int max) {
            this.max = max;
            this.mem = new Memory((long) EVENT_SIZE * max);
        }

        /** The token of the i-th ready descriptor. */
        public long token(int i) {
            return mem.getLong((long) EVENT_SIZE * i + EVENT_DATA);
        }

        public int events(int i) {
            return mem.getInt((long) EVENT_SIZE * i + EVENT_EVENTS);
        }
    }

    /** Waits for events (timeout -1: for ever; a signal does not end the wait); returns how many are in out. */
    public static int await(int epfd, Events out, int timeoutMillis) throws NativeException {
        while (true) {
            int n = LibC.epoll_wait(epfd, out.mem, out.max, timeoutMillis);
            if (n >= 0) {
                return n;
            }
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("epoll_wait", err);
            }
        }
    }
}
