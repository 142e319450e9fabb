package io.vgpio.driver;

import io.vgpio.virtio.GuestMemory;
import java.util.ArrayList;
import java.util.List;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Mapping;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.SharedMemory;

/**
 * Guest RAM for a test frontend: one or more memfds mapped shared, handed to the backend with SET_MEM_TABLE exactly
 * as QEMU hands over its memory backends. Region i sits at guest address i * 4 GiB (region 0 at 0), so a guest with
 * several regions also has holes between them, as a real machine does. A bump allocator per region hands out
 * aligned areas.
 */
public final class GuestRam implements AutoCloseable {
    /** Guest address distance between regions. */
    public static final long REGION_STRIDE = 1L << 32;

    /** One region: its memfd, its mapping in this process, its guest address and size. */
    public record Region(int fd, Mapping mapping, long guestAddress, long size) {
        /** The frontend's virtual address of the region's first byte (SET_MEM_TABLE's userspace address). */
        public long userAddress() {
            return mapping.address();
        }
    }

    private final List<Region> regions = new ArrayList<>();
    private final GuestMemory memory;
    private final long[] next;

    /** One region of {@code size} bytes at guest address 0. */
    public GuestRam(int size) throws NativeException {
        this(new int[] {size});
    }

    /** One region per size, region i at guest address i * {@link #REGION_STRIDE}. */
    public GuestRam(int... sizes) throws NativeException {
        List<GuestMemory.Region> views = new ArrayList<>();
        try {
            for (int i = 0; i < sizes.length; i++) {
                int fd = SharedMemory.memfd("vgpio-driver-ram" + i, sizes[i]);
                Mapping m;
                try {
                    m = SharedMemory.map(fd, sizes[i]);
                } catch (NativeException e) {
                    Descriptors.close(fd);
                    throw e;
                }
                Region r = new Region(fd, m, i * REGION_STRIDE, sizes[i]);
                regions.add(r);
                views.add(new GuestMemory.Region(r.guestAddress(), sizes[i], m.buffer(0, sizes[i])));
            }
        } catch (NativeException e) {
            close();
            throw e;
        }
        memory = new GuestMemory(views);
        next = new long[sizes.length];
        next[0] = 4096; // keep guest address 0 unused, so 0 is never a valid buffer by accident
    }

    public List<Region> regions() {
        return List.copyOf(regions);
    }

    /** The first region's memfd (single-region RAM). */
    public int fd() {
        return regions.get(0).fd();
    }

    /** Size of the first region. */
    public long size() {
        return regions.get(0).size();
    }

    /** The frontend's virtual address of guest address 0. */
    public long userAddress() {
        return regions.get(0).userAddress();
    }

    public GuestMemory memory() {
        return memory;
    }

    /** Allocates len bytes aligned to align in region 0; returns the guest address. */
    public long alloc(long len, int align) {
        return alloc(0, len, align);
    }

    /** Allocates len bytes aligned to align in a region; returns the guest address. */
    public synchronized long alloc(int region, long len, int align) {
        Region r = regions.get(region);
        long at = (next[region] + align - 1) & -(long) align;
        if (at + len > r.size()) {
            throw new IllegalStateException("region " + region + " of the test guest RAM (" + r.size()
                    + " bytes) is full");
        }
        next[region] = at + len;
        return r.guestAddress() + at;
    }

    /** Translates a guest address to the frontend's virtual address (what QEMU puts in SET_VRING_ADDR). */
    public long toUser(long guestAddress) {
        for (Region r : regions) {
            if (guestAddress >= r.guestAddress() && guestAddress < r.guestAddress() + r.size()) {
                return r.userAddress() + (guestAddress - r.guestAddress());
            }
        }
        throw new IllegalArgumentException("guest address 0x" + Long.toHexString(guestAddress) + " is in no region");
    }

    @Override
    public void close() {
        for (Region r : regions) {
            r.mapping().close();
            Descriptors.close(r.fd());
        }
        regions.clear();
    }
}
