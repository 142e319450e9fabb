package io.vgpio.testkit;

import io.vgpio.vhost.linux.Linux;
import io.vgpio.vhost.linux.NativeException;
import io.vgpio.virtio.GuestMemory;
import java.util.List;

/**
 * Guest RAM for a test frontend: a memfd mapped shared, at guest physical address 0, handed to the backend with
 * SET_MEM_TABLE exactly as QEMU hands over its memory-backend-memfd. A bump allocator hands out aligned areas.
 */
public final class GuestRam implements AutoCloseable {
    private final int fd;
    private final Linux.Mapping mapping;
    private final GuestMemory memory;
    private final long size;
    private long next;

    public GuestRam(int size) throws NativeException {
        this.size = size;
        this.fd = Linux.memfdCreate("vgpio-testkit-ram", size);
        Linux.Mapping m;
        try {
            m = Linux.mmapShared(fd, size);
        } catch (NativeException e) {
            Linux.close(fd);
            throw e;
        }
        this.mapping = m;
        this.memory = new GuestMemory(List.of(new GuestMemory.Region(0, size, m.buffer(0, size))));
        this.next = 4096; // keep guest address 0 unused, so 0 is never a valid buffer by accident
    }

    public int fd() {
        return fd;
    }

    public long size() {
        return size;
    }

    /** The frontend's virtual address of guest address 0 (the "userspace address" of SET_MEM_TABLE). */
    public long userAddress() {
        return mapping.address();
    }

    public GuestMemory memory() {
        return memory;
    }

    /** Allocates len bytes aligned to align; returns the guest address. */
    public synchronized long alloc(long len, int align) {
        long at = (next + align - 1) & -(long) align;
        if (at + len > size) {
            throw new IllegalStateException("test guest RAM of " + size + " bytes is full");
        }
        next = at + len;
        return at;
    }

    @Override
    public void close() {
        mapping.close();
        Linux.close(fd);
    }
}
