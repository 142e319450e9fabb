package io.vgpio.linux;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File descriptors: opening, reading and writing whole buffers, closing, and what a descriptor a peer handed us
 * really is. A frontend chooses the kick, call and memory descriptors; nothing about them can be taken on trust.
 */
public final class Descriptors {
    private Descriptors() {
    }

    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int S_IFMT = 0170000;
    static final int S_IFREG = 0100000;
    /** sizeof(struct stat) on the 64-bit ABIs (x86_64 and aarch64 both: 144 bytes). */
    private static final int STAT_SIZE = 144;
    /** st_mode's offset in struct stat: x86_64 puts st_nlink (8 bytes) before it, the generic layout after. */
    private static final int ST_MODE = "aarch64".equals(Platform.ARCH) ? 16 : 24;
    private static final int ST_SIZE = 48;

    /** Opens a file (open(2)); flags are O_* of this class. */
    public static int open(String path, int flags) throws NativeException {
        int fd = LibC.open(path, flags);
        if (fd < 0) {
            throw NativeException.last("open " + path);
        }
        return fd;
    }

    /** Closes fd if it is one (fd >= 0); close errors tell nothing a caller could act on. */
    public static void close(int fd) {
        if (fd >= 0) {
            LibC.close(fd);
        }
    }

    /**
     * One read(2), retried when a signal interrupts it.
     *
     * @return bytes read; 0 at end of file
     */
    public static long read(int fd, Pointer buf, long len) throws NativeException {
        while (true) {
            long n = LibC.read(fd, buf, len);
            if (n >= 0) {
                return n;
            }
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("read", err);
            }
        }
    }

    /**
     * Reads exactly len bytes.
     *
     * @return false on end of stream before the first byte
     * @throws NativeException with errno {@link Errno#NONE} if the stream ends after the first byte
     */
    public static boolean readFully(int fd, Pointer buf, int len) throws NativeException {
        int done = 0;
        while (done < len) {
            long n = read(fd, buf.share(done), len - done);
            if (n == 0) {
                if (done == 0) {
                    return false;
                }
                throw new NativeException("read: stream ended inside a message", Errno.NONE);
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
                int err = Errno.last();
                if (err == Errno.EINTR) {
                    continue;
                }
                throw new NativeException("write", err);
            }
            done += (int) n;
        }
    }

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
            throw NativeException.last("fcntl O_NONBLOCK");
        }
    }

    /** The type and size of the file behind a descriptor (fstat). */
    public record FileStat(int mode, long size) {
        /** A regular file (a memfd is one): its size bounds what can be mapped without SIGBUS. */
        public boolean regular() {
            return (mode & S_IFMT) == S_IFREG;
        }
    }

    public static FileStat stat(int fd) throws NativeException {
        try (Memory st = new Memory(STAT_SIZE)) {
            if (LibC.fstat(fd, st) < 0) {
                throw NativeException.last("fstat");
            }
            return new FileStat(st.getInt(ST_MODE), st.getLong(ST_SIZE));
        }
    }
}
