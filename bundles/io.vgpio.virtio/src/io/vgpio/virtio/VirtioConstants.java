package io.vgpio.virtio;

/** Generic virtio constants (VIRTIO 1.2, "Basic Facilities" and "Split Virtqueues"). */
public final class VirtioConstants {
    private VirtioConstants() {
    }

    public static final int VIRTQ_DESC_F_NEXT = 1;
    public static final int VIRTQ_DESC_F_WRITE = 2;
    public static final int VIRTQ_DESC_F_INDIRECT = 4;
    public static final int VIRTQ_AVAIL_F_NO_INTERRUPT = 1;
    public static final int VIRTQ_USED_F_NO_NOTIFY = 1;

    public static final int F_INDIRECT_DESC = 28;
    public static final int F_EVENT_IDX = 29;
    public static final int F_VERSION_1 = 32;

    public static final int DESC_SIZE = 16;
    public static final int MAX_QUEUE_SIZE = 32768;

    /** Bytes of the descriptor table, available ring and used ring for a queue of this size. */
    public static int descTableSize(int size) {
        return DESC_SIZE * size;
    }

    public static int availRingSize(int size) {
        return 6 + 2 * size;
    }

    public static int usedRingSize(int size) {
        return 6 + 8 * size;
    }

    /** vring_need_event: notify if the new index passed the event index since the old one. */
    public static boolean needEvent(int eventIdx, int newIdx, int oldIdx) {
        return ((newIdx - eventIdx - 1) & 0xffff) < ((newIdx - oldIdx) & 0xffff);
    }
}
