package io.vgpio.linux;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;

/**
 * UNIX stream sockets by path: listening, connecting, accepting, and the options a server sets on a peer it
 * cannot trust. Messages with descriptors go through {@link DescriptorPassing}.
 */
public final class UnixSockets {
    private UnixSockets() {
    }

    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    public static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_PEERCRED = 17;
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDTIMEO = 21;
    static final int SHUT_RDWR = 2;

    /** struct sockaddr_un: sa_family_t sun_family (u16), char sun_path[108]. */
    private static final int SUN_FAMILY = 0;
    private static final int SUN_PATH = 2;
    private static final int SUN_PATH_SIZE = 108;
    private static final int SOCKADDR_UN_SIZE = SUN_PATH + SUN_PATH_SIZE;
    /** The longest path that fits with its terminating NUL. */
    public static final int MAX_PATH_BYTES = SUN_PATH_SIZE - 1;
    /** struct timeval: two longs (seconds, microseconds) on LP64. */
    private static final int TIMEVAL_SIZE = 16;
    /** struct ucred: pid, uid, gid (three ints). */
    private static final int UCRED_SIZE = 12;

    private static Memory sockaddr(String path) throws NativeException {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > MAX_PATH_BYTES) {
            throw new NativeException("socket path '" + path + "' is longer than " + MAX_PATH_BYTES + " bytes",
                    Errno.ENAMETOOLONG);
        }
        Memory a = new Memory(SOCKADDR_UN_SIZE);
        a.clear();
        a.setShort(SUN_FAMILY, (short) AF_UNIX);
        a.write(SUN_PATH, p, 0, p.length);
        return a;
    }

    private static int newSocket() throws NativeException {
        int fd = LibC.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw NativeException.last("socket");
        }
        return fd;
    }

    /** A listening UNIX stream socket bound to path. */
    public static int listen(String path, int backlog) throws NativeException {
        Memory a = sockaddr(path);
        int fd = newSocket();
        if (LibC.bind(fd, a, SOCKADDR_UN_SIZE) < 0) {
            throw NativeException.lastClosing("bind " + path, fd);
        }
        if (LibC.listen(fd, backlog) < 0) {
            throw NativeException.lastClosing("listen", fd);
        }
        return fd;
    }

    /** A UNIX stream socket connected to path. */
    public static int connect(String path) throws NativeException {
        Memory a = sockaddr(path);
        int fd = newSocket();
        if (LibC.connect(fd, a, SOCKADDR_UN_SIZE) < 0) {
            throw NativeException.lastClosing("connect " + path, fd);
        }
        return fd;
    }

    /** Two connected UNIX stream sockets (socketpair(2)), close-on-exec: element 0 and 1 are the two ends. */
    public static int[] pair() throws NativeException {
        int[] sv = new int[2];
        if (LibC.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
            throw NativeException.last("socketpair");
        }
        return sv;
    }

    /** Blocks until a client connects; returns its descriptor. */
    public static int accept(int listenFd) throws NativeException {
        while (true) {
            int fd = LibC.accept4(listenFd, null, null, SOCK_CLOEXEC);
            if (fd >= 0) {
                return fd;
            }
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("accept", err);
            }
        }
    }

    /** Ends both directions: a thread blocked on the socket returns, the peer reads end of stream. */
    public static void shutdown(int fd) {
        LibC.shutdown(fd, SHUT_RDWR);
    }

    /** Removes a socket file; one that is already gone is no error. */
    public static void unlink(String path) throws NativeException {
        if (LibC.unlink(path) < 0 && Errno.last() != Errno.ENOENT) {
            throw NativeException.last("unlink " + path);
        }
    }

    /** Bounds how long one read or write on a socket may block (SO_RCVTIMEO, SO_SNDTIMEO); EAGAIN after that. */
    public static void setIoTimeout(int sock, int millis) throws NativeException {
        try (Memory tv = new Memory(TIMEVAL_SIZE)) {
            tv.setLong(0, millis / 1000);
            tv.setLong(8, (millis % 1000) * 1000L);
            if (LibC.setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, tv, TIMEVAL_SIZE) < 0
                    || LibC.setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, tv, TIMEVAL_SIZE) < 0) {
                throw NativeException.last("setsockopt SO_RCVTIMEO/SO_SNDTIMEO");
            }
        }
    }

    /** The process id of a UNIX socket's peer when it connected (SO_PEERCRED), or -1 if unknown. */
    public static int peerPid(int sock) {
        try (Memory cred = new Memory(UCRED_SIZE); Memory len = new Memory(4)) {
            len.setInt(0, UCRED_SIZE);
            if (LibC.getsockopt(sock, SOL_SOCKET, SO_PEERCRED, cred, len) < 0) {
                return -1;
            }
            return cred.getInt(0);
        }
    }
}
