package io.vgpio.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The only JNA binding of the product: every libc function any bundle calls, with JNA direct mapping (the cheapest
 * JNA call path). Package-private on purpose: callers use the small classes of this package, which turn -1 and errno
 * into {@link NativeException}, so no other bundle declares a binding of its own.
 */
final class LibC {
    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private LibC() {
    }

    // file descriptors
    static native int open(String path, int flags);

    static native int close(int fd);

    static native long read(int fd, Pointer buf, long count);

    static native long write(int fd, Pointer buf, long count);

    static native int fcntl(int fd, int cmd, int arg);

    static native int fstat(int fd, Pointer statbuf);

    /** ioctl(2) with a pointer argument (the only kind the GPIO uAPI uses). */
    static native int ioctl(int fd, long request, Pointer arg);

    static native int eventfd(int initval, int flags);

    static native int poll(Pointer fds, long nfds, int timeout);

    // epoll
    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

    static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeout);

    // UNIX sockets
    static native int socket(int domain, int type, int protocol);

    static native int socketpair(int domain, int type, int protocol, int[] sv);

    static native int bind(int fd, Pointer addr, int len);

    static native int listen(int fd, int backlog);

    static native int accept4(int fd, Pointer addr, Pointer len, int flags);

    static native int connect(int fd, Pointer addr, int len);

    static native int shutdown(int fd, int how);

    static native long recvmsg(int fd, Pointer msg, int flags);

    static native long sendmsg(int fd, Pointer msg, int flags);

    static native int setsockopt(int fd, int level, int name, Pointer value, int len);

    static native int getsockopt(int fd, int level, int name, Pointer value, Pointer len);

    static native int unlink(String path);

    // shared memory
    static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    static native int munmap(Pointer addr, long length);

    static native int memfd_create(String name, int flags);

    static native int ftruncate(int fd, long length);

    // the rest
    static native int sched_setaffinity(int pid, long cpusetsize, Pointer mask);

    static native Pointer strerror(int errnum);
}
