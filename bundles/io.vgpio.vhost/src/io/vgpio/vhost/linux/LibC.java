package io.vgpio.vhost.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few libc calls the backend needs, bound with JNA direct mapping (the cheapest JNA call path). Errors come
 * back as -1 with errno in {@link Native#getLastError()}; {@link Linux} wraps these into checked exceptions.
 */
final class LibC {
    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol);

    static native int bind(int fd, Pointer addr, int len);

    static native int listen(int fd, int backlog);

    static native int accept4(int fd, Pointer addr, Pointer len, int flags);

    static native int connect(int fd, Pointer addr, int len);

    static native long recvmsg(int fd, Pointer msg, int flags);

    static native long sendmsg(int fd, Pointer msg, int flags);

    static native long read(int fd, Pointer buf, long count);

    static native long write(int fd, Pointer buf, long count);

    static native int close(int fd);

    static native int shutdown(int fd, int how);

    static native int eventfd(int initval, int flags);

    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

    static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeout);

    static native int poll(Pointer fds, long nfds, int timeout);

    static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    static native int munmap(Pointer addr, long length);

    static native int memfd_create(String name, int flags);

    static native int ftruncate(int fd, long length);

    static native int fstat(int fd, Pointer statbuf);

    static native int fcntl(int fd, int cmd, int arg);

    static native int setsockopt(int fd, int level, int name, Pointer value, int len);

    static native int getsockopt(int fd, int level, int name, Pointer value, Pointer len);

    static native int chmod(String path, int mode);

    static native int unlink(String path);

    static native Pointer strerror(int errnum);

    static native int sched_setaffinity(int pid, long cpusetsize, Pointer mask);
}
