package io.vgpio.driver;

import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_INDIRECT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_NEXT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_WRITE;

import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.VirtioConstants;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver side of a split virtqueue in guest memory: what a guest kernel's virtio_ring does. Chains are built by
 * {@link #add} (freed when they come back), or by hand from descriptors the caller takes and keeps
 * ({@link #takeDescriptor}, {@link #writeDesc}, {@link #republish}, {@link #release}), as a kernel driver keeps a
 * chain it reuses for every request.
 */
public final class DriverQueue {
    /** One buffer of a chain. */
    public record Buf(long addr, int len, boolean writable) {
        public static Buf in(long addr, int len) {
            return new Buf(addr, len, false);
        }

        public static Buf out(long addr, int len) {
            return new Buf(addr, len, true);
        }
    }

    /** A returned chain: head index and the length the device wrote. */
    public record Used(int head, int len) {
    }

    private final GuestMemory mem;
    private final int size;
    private final long desc;
    private final long avail;
    private final long used;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final List<List<Integer>> owned = new ArrayList<>();
    private int availIdx;
    private int lastUsed;
    private final boolean eventIdx;

    public DriverQueue(GuestRam ram, int size, boolean eventIdx) {
        this.mem = ram.memory();
        this.size = size;
        this.eventIdx = eventIdx;
        this.desc = ram.alloc(VirtioConstants.descTableSize(size), 4096);
        this.avail = ram.alloc(VirtioConstants.availRingSize(size), 4096);
        this.used = ram.alloc(VirtioConstants.usedRingSize(size), 4096);
        for (int i = 0; i < size; i++) {
            free.add(i);
            owned.add(null);
        }
    }

    public int size() {
        return size;
    }

    public long descAddr() {
        return desc;
    }

    public long availAddr() {
        return avail;
    }

    public long usedAddr() {
        return used;
    }

    public int freeCount() {
        return free.size();
    }

    /** Builds a chain of direct descriptors and makes it available; returns its head. */
    public synchronized int add(Buf... bufs) {
        if (bufs.length == 0 || bufs.length > free.size()) {
            throw new IllegalStateException("no room for a chain of " + bufs.length + " (free " + free.size() + ")");
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < bufs.length; i++) {
            ids.add(free.poll());
        }
        for (int i = 0; i < bufs.length; i++) {
            boolean last = i == bufs.length - 1;
            writeDesc(ids.get(i), bufs[i].addr(), bufs[i].len(),
                    (bufs[i].writable() ? VIRTQ_DESC_F_WRITE : 0) | (last ? 0 : VIRTQ_DESC_F_NEXT),
                    last ? 0 : ids.get(i + 1));
        }
        owned.set(ids.get(0), ids);
        publish(ids.get(0));
        return ids.get(0);
    }

    /** Builds a chain of one indirect descriptor pointing at a table (allocated from ram) holding the buffers. */
    public synchronized int addIndirect(GuestRam ram, Buf... bufs) {
        long table = ram.alloc(16L * bufs.length, 16);
        for (int i = 0; i < bufs.length; i++) {
            boolean last = i == bufs.length - 1;
            long e = table + 16L * i;
            mem.putU64(e, bufs[i].addr());
            mem.putU32(e + 8, bufs[i].len());
            mem.putU16(e + 12, (bufs[i].writable() ? VIRTQ_DESC_F_WRITE : 0) | (last ? 0 : VIRTQ_DESC_F_NEXT));
            mem.putU16(e + 14, last ? 0 : i + 1);
        }
        int id = free.poll();
        writeDesc(id, table, 16 * bufs.length, VIRTQ_DESC_F_INDIRECT, 0);
        owned.set(id, List.of(id));
        publish(id);
        return id;
    }

    /** Takes a free descriptor index for a hand-made chain, the caller's until {@link #release}. */
    public synchronized int takeDescriptor() {
        Integer id = free.poll();
        if (id == null) {
            throw new IllegalStateException("no free descriptor");
        }
        return id;
    }

    /** Writes a descriptor exactly as given, valid or not. */
    public void writeDesc(int index, long addr, int len, int flags, int next) {
        long e = desc + 16L * index;
        mem.putU64(e, addr);
        mem.putU32(e + 8, len & 0xffffffffL);
        mem.putU16(e + 12, flags);
        mem.putU16(e + 14, next);
    }

    /** Gives descriptors taken by {@link #takeDescriptor} back, once the device has returned their chain. */
    public synchronized void release(List<Integer> ids) {
        free.addAll(ids);
    }

    private void publish(int head) {
        mem.putU16(avail + 4 + 2L * (availIdx % size), head);
        VarHandle.releaseFence();
        availIdx = (availIdx + 1) & 0xffff;
        mem.putU16(avail + 2, availIdx);
        VarHandle.fullFence();
    }

    /**
     * Makes a hand-made chain available (again): the caller keeps its descriptors, as a kernel driver reuses the
     * chain of a fixed request (the benchmark's lean path). Pair with {@link #takeUsed()} or {@link #poll()}.
     */
    public void republish(int head) {
        publish(head);
    }

    /**
     * Consumes one returned chain without looking it up; returns false if none is waiting. For callers that know
     * what they submitted ({@link #republish}).
     */
    public boolean takeUsed() {
        int idx = mem.u16(used + 2);
        if (idx == lastUsed) {
            return false;
        }
        VarHandle.acquireFence();
        lastUsed = (lastUsed + 1) & 0xffff;
        if (eventIdx) {
            mem.putU16(avail + 4 + 2L * size, lastUsed);
        }
        return true;
    }

    /** Takes the next returned chain, or null if none is waiting. */
    public synchronized Used poll() {
        VarHandle.fullFence();
        int idx = mem.u16(used + 2);
        if (idx == lastUsed) {
            return null;
        }
        VarHandle.acquireFence();
        long e = used + 4 + 8L * (lastUsed % size);
        int head = (int) mem.u32(e);
        int len = (int) mem.u32(e + 4);
        lastUsed = (lastUsed + 1) & 0xffff;
        if (eventIdx) {
            mem.putU16(avail + 4 + 2L * size, lastUsed); // used_event: interrupt me for the next one
        }
        if (head >= 0 && head < size && owned.get(head) != null) {
            free.addAll(owned.get(head));
            owned.set(head, null);
        }
        return new Used(head, len);
    }

    /** Number of chains the device returned so far (the used index). */
    public int usedIndex() {
        return mem.u16(used + 2);
    }
}
