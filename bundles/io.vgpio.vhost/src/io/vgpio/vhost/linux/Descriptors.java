package io.vgpio.vhost.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a descriptor a peer handed us really is, and the settings that keep an event loop from blocking on it. A
 * frontend chooses the kick, call and memory descriptors; nothing about them can be taken on trust.
 */
public final class Descriptors {
    private Descriptors() {
    }

    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int O_NONBLOCK = 0x800;
    static final int SO_PEERCRED = 17;
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDTIMEO = 21;
    static final int S_IFMT = 0170000;
    static final int S_IFREG = 0100000;
    /** st_mode's offset in struct stat: x86_64 puts st_nlink (8 bytes) before it, the generic layout after. */
    private static final int ST_MODE = "aarch64".equals(Platform.ARCH) ? 16 : 24;
    private static final int ST_SIZE = 48;

    /** True if fd is an eventfd (its /proc link reads "anon_inode:[eventfd]"). */
    public static boolean isEventfd(int fd) {
        try {
            return "anon_inode:[eventfd]".equals(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Sets O_NONBLOCK. The flag belongs to the open file description, which the frontend shares; QEMU creates its
     * eventfds non-blocking already, so this changes nothing for it.
     */
    public static void setNonBlocking(int fd) throws NativeException {
        int flags = LibC.fcntl(fd, F_GETFL, 0);
        if (flags < 0 || LibC.fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
            throw new NativeException("fcntl O_NONBLOCK", Native.getLastError());
        }
    }

    /** Bounds how long one read or write on a socket may block (SO_RCVTIMEO, SO_SNDTIMEO); EAGAIN after that. */
    public static void setIoTimeout(int sock, int millis) throws NativeException {
        Memory tv = new Memory(16);
        tv.setLong(0, millis / 1000);
        tv.setLong(8, (millis % 1000) * 1000L);
        if (LibC.setsockopt(sock, Linux.SOL_SOCKET, SO_RCVTIMEO, tv, 16) < 0
                || LibC.setsockopt(sock, Linux.SOL_SOCKET, SO_SNDTIMEO, tv, 16) < 0) {
            throw new NativeException("setsockopt SO_RCVTIMEO/SO_SNDTIMEO", Native.getLastError());
        }
    }

    /** The process id of a UNIX socket's peer when it connected (SO_PEERCRED), or -1 if unknown. */
    public static int peerPid(int sock) {
        Memory cred = new Memory(12);
        Memory len = new Memory(4);
        len.setInt(0, 12);
        if (LibC.getsockopt(sock, Linux.SOL_SOCKET, SO_PEERCRED, cred, len) < 0) {
            return -1;
        }
        return cred.getInt(0);
    }

    /** The type and size of the file behind a descriptor (fstat). */
    public record FileStat(int mode, long size) {
        /** A regular file (a memfd is one): its size bounds what can be mapped without SIGBUS. */
        public boolean regular() {
            return (mode & S_IFMT) == S_IFREG;
        }
    }

    public static FileStat stat(int fd) throws NativeException {
        Memory st = new Memory(144);
        if (LibC.fstat(fd, st) < 0) {
            throw new NativeException("fstat", Native.getLastError());
        }
        return new FileStat(st.getInt(ST_MODE), st.getLong(ST_SIZE));
    }
}
