package io.vgpio.vhost.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Checked wrappers over {@link LibC} for x86_64/aarch64 Linux: UNIX stream sockets with descriptor passing,
 * eventfd, epoll, poll, shared mappings and memfd. Every call that can fail throws {@link NativeException}.
 * Scratch memory is per thread, so the hot paths (eventfd reads and writes) allocate nothing.
 */
public final class Linux {
    private Linux() {
    }

    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOENT = 2;
    public static final int ECONNREFUSED = 111;

    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;
    static final int EPOLL_CLOEXEC = 0x80000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLLIN = 0x1;
    public static final int EPOLLERR = 0x8;
    public static final int EPOLLHUP = 0x10;
    public static final int EPOLLET = 1 << 31;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final int MFD_CLOEXEC = 1;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;
    static final int MSG_CTRUNC = 0x8;
    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int POLLIN = 1;
    /** Most descriptors one message may carry (vhost-user sends at most 8 memory regions at once). */
    public static final int MAX_FDS = 16;

    private static final int MSGHDR = 56;
    private static final int IOVEC = 16;
    private static final int CMSG_HDR = 16;
    private static final int CONTROL = CMSG_HDR + 4 * MAX_FDS;
    private static final ThreadLocal<Memory> SCRATCH = ThreadLocal.withInitial(() -> new Memory(512));

    static String strerror(int errno) {
        Pointer p = LibC.strerror(errno);
        return p == null ? "error " + errno : p.getString(0);
    }

    private static NativeException fail(String call) {
        return new NativeException(call, Native.getLastError());
    }

    /** The failure of {@code call}, after closing the descriptor that was being set up. */
    private static NativeException failClosing(String call, int fd) {
        NativeException e = fail(call);
        LibC.close(fd);
        return e;
    }

    // ---- sockets ---------------------------------------------------------------------------------------------

    private static Memory sockaddr(String path) throws NativeException {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > 107) {
            throw new NativeException("socket path '" + path + "' is longer than 107 bytes", 36);
        }
        Memory a = new Memory(110);
        a.clear();
        a.setShort(0, (short) AF_UNIX);
        a.write(2, p, 0, p.length);
        return a;
    }

    /** A listening UNIX stream socket bound to path. */
    public static int listenUnix(String path, int backlog) throws NativeException {
        int fd = LibC.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw fail("socket");
        }
        Memory a = sockaddr(path);
        if (LibC.bind(fd, a, 110) < 0) {
            throw failClosing("bind " + path, fd);
        }
        if (LibC.listen(fd, backlog) < 0) {
            throw failClosing("listen", fd);
        }
        return fd;
    }

    /** A UNIX stream socket connected to path. */
    public static int connectUnix(String path) throws NativeException {
        int fd = LibC.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw fail("socket");
        }
        Memory a = sockaddr(path);
        if (LibC.connect(fd, a, 110) < 0) {
            throw failClosing("connect " + path, fd);
        }
        return fd;
    }

    /** Blocks until a client connects; returns its descriptor. */
    public static int accept(int listenFd) throws NativeException {
        while (true) {
            int fd = LibC.accept4(listenFd, null, null, SOCK_CLOEXEC);
            if (fd >= 0) {
                return fd;
            }
            int err = Native.getLastError();
            if (err != EINTR) {
                throw new NativeException("accept", err);
            }
        }
    }

    public static void chmod(String path, int mode) throws NativeException {
        if (LibC.chmod(path, mode) < 0) {
            throw fail("chmod " + path);
        }
    }

    public static void unlink(String path) throws NativeException {
        if (LibC.unlink(path) < 0 && Native.getLastError() != ENOENT) {
            throw fail("unlink " + path);
        }
    }

    public static void shutdown(int fd) {
        LibC.shutdown(fd, 2);
    }

    public static void close(int fd) {
        if (fd >= 0) {
            LibC.close(fd);
        }
    }

    /**
     * Receives up to len bytes into buf, and the descriptors that came with them.
     *
     * @param fds receives the descriptors; fds.count() tells how many
     * @return bytes received; 0 at end of stream
     */
    public static int recvWithFds(int sock, Pointer buf, int len, FdList fds) throws NativeException {
        Memory s = SCRATCH.get();
        s.clear(MSGHDR + IOVEC + CONTROL);
        Pointer iov = s.share(MSGHDR);
        Pointer control = s.share(MSGHDR + IOVEC);
        iov.setPointer(0, buf);
        iov.setLong(8, len);
        s.setPointer(16, iov);
        s.setLong(24, 1);
        s.setPointer(32, control);
        s.setLong(40, CONTROL);
        fds.clear();
        long n;
        while (true) {
            n = LibC.recvmsg(sock, s, MSG_CMSG_CLOEXEC);
            if (n >= 0) {
                break;
            }
            int err = Native.getLastError();
            if (err != EINTR) {
                throw new NativeException("recvmsg", err);
            }
        }
        long controlLen = s.getLong(40);
        int off = 0;
        while (off + CMSG_HDR <= controlLen) {
            long cmsgLen = control.getLong(off);
            int level = control.getInt(off + 8);
            int type = control.getInt(off + 12);
            if (cmsgLen < CMSG_HDR) {
                break;
            }
            if (level == SOL_SOCKET && type == SCM_RIGHTS) {
                int count = (int) ((cmsgLen - CMSG_HDR) / 4);
                for (int i = 0; i < count; i++) {
                    fds.add(control.getInt(off + CMSG_HDR + 4L * i));
                }
            }
            off += (int) ((cmsgLen + 7) & ~7L);
        }
        if ((s.getInt(48) & MSG_CTRUNC) != 0) {
            fds.closeAll();
            throw new NativeException("recvmsg: more descriptors than " + MAX_FDS + " in one message", 0);
        }
        return (int) n;
    }

    /** Sends len bytes from buf with the given descriptors attached (none if fds is empty). */
    public static void sendWithFds(int sock, Pointer buf, int len, int[] fds) throws NativeException {
        Memory s = SCRATCH.get();
        s.clear(MSGHDR + IOVEC + CONTROL);
        Pointer iov = s.share(MSGHDR);
        Pointer control = s.share(MSGHDR + IOVEC);
        iov.setPointer(0, buf);
        iov.setLong(8, len);
        s.setPointer(16, iov);
        s.setLong(24, 1);
        if (fds != null && fds.length > 0) {
            if (fds.length > MAX_FDS) {
                throw new NativeException("sendmsg: more than " + MAX_FDS + " descriptors", 0);
            }
            control.setLong(0, CMSG_HDR + 4L * fds.length);
            control.setInt(8, SOL_SOCKET);
            control.setInt(12, SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                control.setInt(CMSG_HDR + 4L * i, fds[i]);
            }
            s.setPointer(32, control);
            s.setLong(40, (CMSG_HDR + 4L * fds.length + 7) & ~7L);
        }
        long sent;
        while (true) {
            sent = LibC.sendmsg(sock, s, MSG_NOSIGNAL);
            if (sent >= 0) {
                break;
            }
            int err = Native.getLastError();
            if (err != EINTR) {
                throw new NativeException("sendmsg", err);
            }
        }
        if (sent < len) {
            writeFully(sock, buf.share(sent), len - (int) sent);
        }
    }

    /** Reads exactly len bytes; returns false on end of stream before the first byte. */
    public static boolean readFully(int fd, Pointer buf, int len) throws NativeException {
        int done = 0;
        while (done < len) {
            long n = LibC.read(fd, buf.share(done), len - done);
            if (n == 0) {
                if (done == 0) {
                    return false;
                }
                throw new NativeException("read: stream ended inside a message", 0);
            }
            if (n < 0) {
                int err = Native.getLastError();
                if (err == EINTR) {
                    continue;
                }
                throw new NativeException("read", err);
            }
            done += (int) n;
        }
        return true;
    }

    public static void writeFully(int fd, Pointer buf, int len) throws NativeException {
        int done = 0;
        while (done < len) {
            long n = LibC.write(fd, buf.share(done), len - done);
            if (n < 0) {
                int err = Native.getLastError();
                if (err == EINTR) {
                    continue;
                }
                throw new NativeException("write", err);
            }
            done += (int) n;
        }
    }

    // ---- eventfd -----------------------------------------------------------------------------------------------

    public static int eventfd(int flags) throws NativeException {
        int fd = LibC.eventfd(0, flags | EFD_CLOEXEC);
        if (fd < 0) {
            throw fail("eventfd");
        }
        return fd;
    }

    /** Adds 1 to an eventfd counter (a kick or a call). */
    public static void signal(int efd) throws NativeException {
        Memory s = SCRATCH.get();
        s.setLong(0, 1);
        while (LibC.write(efd, s, 8) < 0) {
            int err = Native.getLastError();
            if (err != EINTR) {
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
        Memory s = SCRATCH.get();
        while (LibC.read(efd, s, 8) < 0) {
            int err = Native.getLastError();
            if (err == EAGAIN) {
                return 0;
            }
            if (err != EINTR) {
                throw new NativeException("eventfd read", err);
            }
        }
        return s.getLong(0);
    }

    /**
     * Waits until fd is readable.
     *
     * @return true if readable, false on timeout
     */
    public static boolean pollIn(int fd, int timeoutMillis) throws NativeException {
        Memory s = SCRATCH.get();
        s.setInt(0, fd);
        s.setShort(4, (short) POLLIN);
        s.setShort(6, (short) 0);
        while (true) {
            int n = LibC.poll(s, 1, timeoutMillis);
            if (n >= 0) {
                return n > 0;
            }
            int err = Native.getLastError();
            if (err != EINTR) {
                throw new NativeException("poll", err);
            }
        }
    }

    // ---- epoll ---------------------------------------------------------------------------------------------------

    public static int epollCreate() throws NativeException {
        int fd = LibC.epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw fail("epoll_create1");
        }
        return fd;
    }

    /** Watches fd for input (level-triggered); epollWait reports {@code data}. */
    public static void epollAdd(int epfd, int fd, long data) throws NativeException {
        epollAdd(epfd, fd, data, EPOLLIN);
    }

    /**
     * Watches fd for input, edge-triggered: every write to an eventfd is reported once, so the counter never needs
     * to be read (it cannot overflow in practice: 2^64 kicks).
     */
    public static void epollAddEdge(int epfd, int fd, long data) throws NativeException {
        epollAdd(epfd, fd, data, EPOLLIN | EPOLLET);
    }

    private static void epollAdd(int epfd, int fd, long data, int events) throws NativeException {
        Memory e = new Memory(12);
        e.setInt(0, events);
        e.setLong(4, data); // struct epoll_event is packed on x86_64
        if (LibC.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, e) < 0) {
            throw fail("epoll_ctl add");
        }
    }

    public static void epollDel(int epfd, int fd) {
        LibC.epoll_ctl(epfd, EPOLL_CTL_DEL, fd, new Memory(12));
    }

    /** Scratch space for epoll_wait results. */
    public static final class EpollEvents {
        private final Memory mem;
        private final int max;

        public EpollEvents(int max) {
            this.max = max;
            this.mem = new Memory(12L * max);
        }

        public long data(int i) {
            return mem.getLong(12L * i + 4);
        }

        public int events(int i) {
            return mem.getInt(12L * i);
        }
    }

    /** Waits for events (timeout -1: forever); returns how many. */
    public static int epollWait(int epfd, EpollEvents out, int timeoutMillis) throws NativeException {
        while (true) {
            int n = LibC.epoll_wait(epfd, out.mem, out.max, timeoutMillis);
            if (n >= 0) {
                return n;
            }
            int err = Native.getLastError();
            if (err != EINTR) {
                throw new NativeException("epoll_wait", err);
            }
        }
    }

    /** Pins the calling thread to one CPU (benchmarks compare like with like). */
    public static void pinCurrentThread(int cpu) throws NativeException {
        Memory mask = new Memory(128);
        mask.clear();
        mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
        if (LibC.sched_setaffinity(0, 128, mask) < 0) {
            throw fail("sched_setaffinity");
        }
    }

    /** Lets the calling thread run on any CPU again. */
    public static void unpinCurrentThread() throws NativeException {
        Memory mask = new Memory(128);
        for (int i = 0; i < 128; i++) {
            mask.setByte(i, (byte) 0xff);
        }
        if (LibC.sched_setaffinity(0, 128, mask) < 0) {
            throw fail("sched_setaffinity");
        }
    }

    // ---- memory ----------------------------------------------------------------------------------------------------

    /** A shared read-write mapping of a file descriptor. */
    public static final class Mapping implements AutoCloseable {
        private Pointer base;
        private final long length;

        Mapping(Pointer base, long length) {
            this.base = base;
            this.length = length;
        }

        public long address() {
            return Pointer.nativeValue(base);
        }

        public long length() {
            return length;
        }

        /** A direct buffer over [offset, offset+len) of the mapping (len up to 2 GiB - 1). */
        public ByteBuffer buffer(long offset, int len) {
            if (base == null) {
                throw new IllegalStateException("mapping was closed");
            }
            if (offset < 0 || len < 0 || offset + len > length) {
                throw new IndexOutOfBoundsException("[" + offset + ", +" + len + ") outside mapping of " + length);
            }
            return base.getByteBuffer(offset, len);
        }

        /** Unmaps. Every buffer obtained from this mapping must be unreachable by then. */
        @Override
        public void close() {
            if (base != null) {
                LibC.munmap(base, length);
                base = null;
            }
        }
    }

    public static Mapping mmapShared(int fd, long length) throws NativeException {
        Pointer p = LibC.mmap(null, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == null || Pointer.nativeValue(p) == -1L) {
            throw fail("mmap of " + length + " bytes");
        }
        return new Mapping(p, length);
    }

    public static int memfdCreate(String name, long size) throws NativeException {
        int fd = LibC.memfd_create(name, MFD_CLOEXEC);
        if (fd < 0) {
            throw fail("memfd_create");
        }
        if (LibC.ftruncate(fd, size) < 0) {
            throw failClosing("ftruncate", fd);
        }
        return fd;
    }

    /** Sets the size of a file (ftruncate): tests use it to shrink a memfd under a frontend's mappings. */
    public static void truncate(int fd, long size) throws NativeException {
        if (LibC.ftruncate(fd, size) < 0) {
            throw fail("ftruncate");
        }
    }
}
