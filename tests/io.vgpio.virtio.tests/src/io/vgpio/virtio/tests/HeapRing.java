package io.vgpio.virtio.tests;

import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.SplitVirtqueue;
import io.vgpio.virtio.VirtioConstants;

/**
 * The driver's side of a split virtqueue in heap-backed guest memory: writes descriptors and available entries
 * exactly as a driver lays them out, and reads the used ring back. No eventfds, no threads.
 */
final class HeapRing {
    static final int NEXT = VirtioConstants.VIRTQ_DESC_F_NEXT;
    static final int WRITE = VirtioConstants.VIRTQ_DESC_F_WRITE;
    static final int INDIRECT = VirtioConstants.VIRTQ_DESC_F_INDIRECT;

    final GuestMemory mem;
    final int size;
    final long desc;
    final long avail;
    final long used;
    private int availIdx;

    /** Rings at 0x1000 (descriptors), 0x2000 (available) and 0x3000 (used) of mem. */
    HeapRing(GuestMemory mem, int size) {
        this(mem, size, 0);
    }

    /** Rings at base + 0x1000, + 0x2000 and + 0x3000 (a second queue in the same memory). */
    HeapRing(GuestMemory mem, int size, long base) {
        this.mem = mem;
        this.size = size;
        this.desc = base + 0x1000;
        this.avail = base + 0x2000;
        this.used = base + 0x3000;
    }

    SplitVirtqueue queue(boolean indirect) {
        return new SplitVirtqueue(mem, size, desc, avail, used, indirect, false, 0);
    }

    /** Writes descriptor i of the queue's table. */
    void desc(int i, long addr, long len, int flags, int next) {
        entry(desc + 16L * i, addr, len, flags, next);
    }

    /** Writes one 16-byte descriptor at gpa (a table entry or an indirect-table entry). */
    void entry(long gpa, long addr, long len, int flags, int next) {
        mem.putU64(gpa, addr);
        mem.putU32(gpa + 8, len);
        mem.putU16(gpa + 12, flags);
        mem.putU16(gpa + 14, next);
    }

    /** Makes the chain at head available. */
    void publish(int head) {
        mem.putU16(avail + 4 + 2L * (availIdx % size), head);
        availIdx = (availIdx + 1) & 0xffff;
        mem.putU16(avail + 2, availIdx);
    }

    /** Moves the available index without writing entries (what a broken driver might do). */
    void setAvailIdx(int idx) {
        availIdx = idx & 0xffff;
        mem.putU16(avail + 2, availIdx);
    }

    int usedIdx() {
        return mem.u16(used + 2);
    }

    int usedId(int i) {
        return (int) mem.u32(used + 4 + 8L * (i % size));
    }

    int usedLen(int i) {
        return (int) mem.u32(used + 4 + 8L * (i % size) + 4);
    }
}
