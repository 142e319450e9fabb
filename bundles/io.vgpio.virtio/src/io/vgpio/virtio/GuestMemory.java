package io.vgpio.virtio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Guest physical memory as a set of regions, each backed by a ByteBuffer (a heap buffer in tests, a mapping of the
 * frontend's memory file in the vhost backend). Every access is bounds-checked in Java: a bad guest address throws
 * {@link GuestMemoryException}, never touches memory outside a region, and costs no native call. A buffer may run
 * from one region into the next when they are adjacent in guest-physical space (QEMU splits RAM into regions, and
 * we split regions over 1 GiB into chunks): {@link #contains}, {@link #read} and {@link #write} go piece by piece.
 * Single values and ring views must lie inside one region.
 */
public final class GuestMemory {
    /** One contiguous region of guest physical memory. */
    public record Region(long guestAddress, long size, ByteBuffer buffer) {
        public Region {
            if (size != buffer.capacity()) {
                throw new IllegalArgumentException("region size " + size + " != buffer capacity " + buffer.capacity());
            }
            // A frontend chooses guestAddress (u64): a region running past 2^64 would translate ring addresses
            // (MemoryTable) that contains() then refuses.
            if (Long.compareUnsigned(guestAddress + size, guestAddress) < 0) {
                throw new IllegalArgumentException(String.format("region at 0x%x of %d bytes runs past the end of"
                        + " the 64-bit guest address space", guestAddress, size));
            }
        }

        boolean contains(long gpa, long len) {
            // Guest addresses are u64 and the frontend chooses a region's: compared as signed longs, a region at
            // 2^63 or above "contained" low addresses (the difference wrapped) and a buffer access then failed.
            return len >= 0 && len <= size && Long.compareUnsigned(gpa, guestAddress) >= 0
                    && Long.compareUnsigned(gpa - guestAddress, size - len) <= 0;
        }
    }

    private final Region[] regions;
    private int lastHit;

    public GuestMemory(List<Region> regions) {
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingLong(Region::guestAddress));
        for (int i = 1; i < sorted.size(); i++) {
            Region prev = sorted.get(i - 1);
            if (prev.guestAddress() + prev.size() > sorted.get(i).guestAddress()) {
                throw new IllegalArgumentException("guest memory regions overlap at 0x"
                        + Long.toHexString(sorted.get(i).guestAddress()));
            }
        }
        this.regions = sorted.stream()
                .map(r -> new Region(r.guestAddress(), r.size(), r.buffer().duplicate().order(ByteOrder.LITTLE_ENDIAN)))
                .toArray(Region[]::new);
    }

    /** A heap-backed memory of one region at guest address 0 (tests, simulations). */
    public static GuestMemory ofHeap(int size) {
        return new GuestMemory(List.of(new Region(0, size, ByteBuffer.allocate(size))));
    }

    public List<Region> regions() {
        return List.of(regions);
    }

    /** True if [gpa, gpa+len) lies inside guest memory: one region, or adjacent regions with no hole between. */
    public boolean contains(long gpa, long len) {
        if (find(gpa, len) != null) {
            return true;
        }
        if (len <= 0) {
            return false;
        }
        long at = gpa;
        long left = len;
        while (left > 0) {
            Region r = find(at, 1);
            if (r == null) {
                return false;
            }
            long take = Math.min(left, r.guestAddress() + r.size() - at);
            at += take;
            left -= take;
        }
        return true;
    }

    private Region find(long gpa, long len) {
        Region[] rs = regions;
        int hint = lastHit;
        if (hint < rs.length && rs[hint].contains(gpa, len)) {
            return rs[hint];
        }
        for (int i = 0; i < rs.length; i++) {
            if (rs[i].contains(gpa, len)) {
                lastHit = i;
                return rs[i];
            }
        }
        return null;
    }

    private Region region(long gpa, long len) {
        Region r = find(gpa, len);
        if (r == null) {
            throw outside(gpa, len);
        }
        return r;
    }

    /**
     * A little-endian view of [gpa, gpa+len), indexed from 0. Used for rings, which are looked up once per
     * queue setup instead of once per access.
     */
    public ByteBuffer view(long gpa, int len) {
        Region r = region(gpa, len);
        return r.buffer().slice((int) (gpa - r.guestAddress()), len).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int u8(long gpa) {
        Region r = region(gpa, 1);
        return r.buffer().get((int) (gpa - r.guestAddress())) & 0xff;
    }

    public int u16(long gpa) {
        Region r = region(gpa, 2);
        return r.buffer().getShort((int) (gpa - r.guestAddress())) & 0xffff;
    }

    public long u32(long gpa) {
        Region r = region(gpa, 4);
        return r.buffer().getInt((int) (gpa - r.guestAddress())) & 0xffffffffL;
    }

    public long u64(long gpa) {
        Region r = region(gpa, 8);
        return r.buffer().getLong((int) (gpa - r.guestAddress()));
    }

    public void putU8(long gpa, int v) {
        Region r = region(gpa, 1);
        r.buffer().put((int) (gpa - r.guestAddress()), (byte) v);
    }

    public void putU16(long gpa, int v) {
        Region r = region(gpa, 2);
        r.buffer().putShort((int) (gpa - r.guestAddress()), (short) v);
    }

    public void putU32(long gpa, long v) {
        Region r = region(gpa, 4);
        r.buffer().putInt((int) (gpa - r.guestAddress()), (int) v);
    }

    public void putU64(long gpa, long v) {
        Region r = region(gpa, 8);
        r.buffer().putLong((int) (gpa - r.guestAddress()), v);
    }

    public void read(long gpa, byte[] dst, int off, int len) {
        Region r = find(gpa, len);
        if (r != null) {
            r.buffer().get((int) (gpa - r.guestAddress()), dst, off, len);
            return;
        }
        checkPieces(gpa, len);
        for (int done = 0; done < len; ) {
            Region p = region(gpa + done, 1);
            int take = piece(p, gpa + done, len - done);
            p.buffer().get((int) (gpa + done - p.guestAddress()), dst, off + done, take);
            done += take;
        }
    }

    public void write(long gpa, byte[] src, int off, int len) {
        Region r = find(gpa, len);
        if (r != null) {
            r.buffer().put((int) (gpa - r.guestAddress()), src, off, len);
            return;
        }
        checkPieces(gpa, len); // all or nothing: no partial write before a hole
        for (int done = 0; done < len; ) {
            Region p = region(gpa + done, 1);
            int take = piece(p, gpa + done, len - done);
            p.buffer().put((int) (gpa + done - p.guestAddress()), src, off + done, take);
            done += take;
        }
    }

    private void checkPieces(long gpa, int len) {
        if (!contains(gpa, len)) {
            throw outside(gpa, len);
        }
    }

    private static GuestMemoryException outside(long gpa, long len) {
        return new GuestMemoryException(String.format("guest address range [0x%x, +%d) is outside guest memory",
                gpa, len));
    }

    /** How much of [gpa, gpa+want) lies in r, which holds gpa. */
    private static int piece(Region r, long gpa, int want) {
        return (int) Math.min(want, r.guestAddress() + r.size() - gpa);
    }
}
