package io.vgpio.vhost;

import io.vgpio.virtio.GuestMemory;
import java.util.ArrayList;
import java.util.List;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Mapping;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.SharedMemory;
import io.vgpio.linux.Errno;

/**
 * The frontend's guest memory, mapped from the descriptors of SET_MEM_TABLE. Ring addresses arrive as the
 * frontend's own virtual addresses and are translated through each region's userspace address.
 */
final class MemoryTable implements AutoCloseable {
    /** Largest ByteBuffer we make over a mapping; bigger regions are split into chunks of this size. */
    static final long CHUNK = 1L << 30;

    record Entry(long guestAddress, long size, long userAddress, long mmapOffset) {
    }

    private final List<Entry> entries;
    private final List<Mapping> mappings;
    private final GuestMemory memory;

    private MemoryTable(List<Entry> entries, List<Mapping> mappings, GuestMemory memory) {
        this.entries = entries;
        this.mappings = mappings;
        this.memory = memory;
    }

    /**
     * Checks each region against the size of its file: a mapping past the end of a file maps, but the first
     * access there raises SIGBUS. Only regular files (a memfd is one) have a size that means anything.
     *
     * @return what is wrong with the first bad region, or null if all fit
     */
    static String outsideItsFile(List<Entry> entries, int[] fds) throws NativeException {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Descriptors.FileStat st = Descriptors.stat(fds[i]);
            if (st.regular() && (e.mmapOffset() < 0 || e.size() <= 0 || e.mmapOffset() > st.size()
                    || e.size() > st.size() - e.mmapOffset())) {
                return "region " + i + " (" + e.size() + " bytes at offset " + e.mmapOffset()
                        + ") reaches past the end of its memory file (" + st.size() + " bytes)";
            }
        }
        return null;
    }

    /** Maps every region; closes all descriptors whether or not it succeeds. */
    static MemoryTable map(List<Entry> entries, int[] fds) throws NativeException {
        List<Mapping> mappings = new ArrayList<>();
        List<GuestMemory.Region> regions = new ArrayList<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (e.size() <= 0 || e.mmapOffset() < 0) {
                    throw new NativeException("SET_MEM_TABLE region " + i + " has size " + e.size() + " and offset "
                            + e.mmapOffset(), Errno.EINVAL);
                }
                Mapping m = SharedMemory.map(fds[i], e.mmapOffset() + e.size());
                mappings.add(m);
                for (long off = 0; off < e.size(); off += CHUNK) {
                    int len = (int) Math.min(CHUNK, e.size() - off);
                    regions.add(new GuestMemory.Region(e.guestAddress() + off, len, m.buffer(e.mmapOffset() + off, len)));
                }
            }
            return new MemoryTable(List.copyOf(entries), mappings, new GuestMemory(regions));
        } catch (NativeException | RuntimeException ex) {
            mappings.forEach(Mapping::close);
            throw ex instanceof NativeException ne ? ne : new NativeException("SET_MEM_TABLE: " + ex.getMessage(), Errno.EINVAL);
        } finally {
            for (int fd : fds) {
                Descriptors.close(fd);
            }
        }
    }

    GuestMemory memory() {
        return memory;
    }

    int regionCount() {
        return entries.size();
    }

    /**
     * Translates a frontend virtual address (SET_VRING_ADDR) to a guest physical address.
     *
     * @return the guest address, or -1 if no region holds [uva, uva+len)
     */
    long toGuest(long uva, long len) {
        for (Entry e : entries) {
            // Unsigned, as the frontend's u64 addresses are: compared as signed longs, a region at 2^63 or above
            // (as a user address) took in low ones (the difference wrapped) and its queue then failed on memory it does not hold.
            if (len <= e.size() && Long.compareUnsigned(uva, e.userAddress()) >= 0
                    && Long.compareUnsigned(uva - e.userAddress(), e.size() - len) <= 0) {
                return e.guestAddress() + (uva - e.userAddress());
            }
        }
        return -1;
    }

    /** Unmaps everything. Callers must have stopped every queue that reads this memory. */
    @Override
    public void close() {
        mappings.forEach(Mapping::close);
        mappings.clear();
    }
}
