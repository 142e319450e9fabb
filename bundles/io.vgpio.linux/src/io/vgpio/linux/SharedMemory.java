package io.vgpio.linux;

import com.sun.jna.Pointer;

/** Memory shared between processes: memfds (anonymous files) and shared mappings of a descriptor (guest RAM). */
public final class SharedMemory {
    private SharedMemory() {
    }

    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final int MFD_CLOEXEC = 1;
    /** What mmap returns on failure: (void *) -1. */
    private static final long MAP_FAILED = -1L;

    /** A shared read-write mapping of the first length bytes of fd. */
    public static Mapping map(int fd, long length) throws NativeException {
        Pointer p = LibC.mmap(null, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == null || Pointer.nativeValue(p) == MAP_FAILED) {
            throw NativeException.last("mmap of " + length + " bytes");
        }
        return new Mapping(p, length);
    }

    static void unmap(Pointer base, long length) {
        LibC.munmap(base, length);
    }

    /** A new memfd (close-on-exec) of the given size, its bytes zero. */
    public static int memfd(String name, long size) throws NativeException {
        int fd = LibC.memfd_create(name, MFD_CLOEXEC);
        if (fd < 0) {
            throw NativeException.last("memfd_create");
        }
        if (LibC.ftruncate(fd, size) < 0) {
            throw NativeException.lastClosing("ftruncate", fd);
        }
        return fd;
    }

    /** Sets the size of a file (ftruncate): tests use it to shrink a memfd under a frontend's mappings. */
    public static void truncate(int fd, long size) throws NativeException {
        if (LibC.ftruncate(fd, size) < 0) {
            throw NativeException.last("ftruncate");
        }
    }
}
