package io.vgpio.gpiocdev.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The libc calls the GPIO character device needs, bound with JNA direct mapping. Errors come back as -1 with
 * errno in {@link Native#getLastError()}.
 */
public final class CLib {
    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private CLib() {
    }

    public static final int O_RDWR = 2;
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int O_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;
    public static final short POLLIN = 0x1;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EBUSY = 16;
    public static final int ENODEV = 19;
    public static final int ENOENT = 2;
    public static final int EINVAL = 22;
    public static final int EACCES = 13;

    public static native int open(String path, int flags);

    public static native int close(int fd);

    /** ioctl(2) with a pointer argument (the only kind the GPIO uAPI uses). */
    public static native int ioctl(int fd, long request, Pointer arg);

    public static native long read(int fd, Pointer buf, long count);

    public static native long write(int fd, Pointer buf, long count);

    public static native int poll(Pointer fds, long nfds, int timeout);

    public static native int eventfd(int initval, int flags);

    public static native Pointer strerror(int errnum);

    /** strerror(3) text for an errno. */
    public static String message(int errno) {
        Pointer p = strerror(errno);
        return p == null ? "error " + errno : p.getString(0);
    }
}
