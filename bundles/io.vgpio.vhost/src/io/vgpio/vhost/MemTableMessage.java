package io.vgpio.vhost;

import static io.vgpio.vhost.VhostUser.MAX_MEM_REGIONS;

import com.sun.jna.Pointer;
import io.vgpio.linux.FdList;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of SET_MEM_TABLE: u32 region count, u32 padding, then per region u64 guest address, size, user
 * address and mmap offset (32 bytes); one descriptor per region comes with the message.
 */
record MemTableMessage(List<MemoryTable.Entry> entries, int[] fds) {
    private static final int REGIONS_AT = 8;
    private static final int REGION_SIZE = 32;

    /** Checks the message and takes its descriptors out of fds (the caller owns them then). */
    static MemTableMessage parse(Pointer payload, int size, FdList fds) throws ProtocolException {
        if (size < REGIONS_AT) {
            throw new ProtocolException("SET_MEM_TABLE payload is " + size + " bytes");
        }
        int n = payload.getInt(0);
        if (n < 1 || n > MAX_MEM_REGIONS || size < REGIONS_AT + REGION_SIZE * n) {
            throw new ProtocolException("SET_MEM_TABLE with " + n + " regions in " + size + " bytes");
        }
        if (fds.count() != n) {
            throw new ProtocolException("SET_MEM_TABLE lists " + n + " regions but came with " + fds.count()
                    + " descriptors");
        }
        List<MemoryTable.Entry> entries = new ArrayList<>();
        int[] regionFds = new int[n];
        for (int i = 0; i < n; i++) {
            long o = REGIONS_AT + (long) REGION_SIZE * i;
            entries.add(new MemoryTable.Entry(payload.getLong(o), payload.getLong(o + 8), payload.getLong(o + 16),
                    payload.getLong(o + 24)));
            regionFds[i] = fds.take(i);
        }
        return new MemTableMessage(entries, regionFds);
    }
}
