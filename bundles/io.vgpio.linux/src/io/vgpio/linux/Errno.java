package io.vgpio.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The errno values the code tests for, by name ({@code <asm-generic/errno-base.h>}, {@code errno.h}), and their text. */
public final class Errno {
    private Errno() {
    }

    /** Not a system call's failure (a stream ending early, a limit of ours): {@link NativeException}s say so with 0. */
    public static final int NONE = 0;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENOTTY = 25;
    public static final int ENAMETOOLONG = 36;
    public static final int ECONNREFUSED = 111;

    /** The errno the last native call of this thread left (JNA saves it right after the call). */
    public static int last() {
        return Native.getLastError();
    }

    /** strerror(3) text for an errno. */
    public static String describe(int errno) {
        Pointer p = LibC.strerror(errno);
        return p == null ? "error " + errno : p.getString(0);
    }
}
