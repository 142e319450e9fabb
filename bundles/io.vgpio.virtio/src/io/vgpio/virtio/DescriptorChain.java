package io.vgpio.virtio;

/**
 * A validated descriptor chain: its head index and its buffers, device-readable ones first. Reading and writing go
 * through the chain's guest memory, gathering and scattering across the buffers. A queue can refill one chain object
 * for every request ({@link SplitVirtqueue#pop(DescriptorChain)}), so taking a request off the ring allocates nothing.
 */
public final class DescriptorChain {
    private final GuestMemory mem;
    private int head;
    long[] addr = new long[4];
    int[] len = new int[4];
    private int count;
    private int readableCount;
    private long readableBytes;
    private long writableBytes;

    DescriptorChain(GuestMemory mem) {
        this.mem = mem;
    }

    GuestMemory memory() {
        return mem;
    }

    /** Makes room for buffer i. */
    void ensure(int i) {
        if (i == addr.length) {
            addr = java.util.Arrays.copyOf(addr, i * 2);
            len = java.util.Arrays.copyOf(len, i * 2);
        }
    }

    /** Sets what {@link SplitVirtqueue} found; addr[0..count) and len[0..count) are filled already. */
    void set(int head, int count, int readableCount) {
        this.head = head;
        this.count = count;
        this.readableCount = readableCount;
        long r = 0;
        long w = 0;
        for (int i = 0; i < count; i++) {
            if (i < readableCount) {
                r += len[i];
            } else {
                w += len[i];
            }
        }
        readableBytes = r;
        writableBytes = w;
    }

    public int head() {
        return head;
    }

    /** Number of buffers (descriptors, indirect ones counted one by one). */
    public int count() {
        return count;
    }

    public int readableCount() {
        return readableCount;
    }

    public int writableCount() {
        return count - readableCount;
    }

    public long readableBytes() {
        return readableBytes;
    }

    public long writableBytes() {
        return writableBytes;
    }

    /** True if the first buffer is device-writable (a request the device cannot trust to be the driver's). */
    public boolean firstWritable() {
        return readableCount == 0 && count > 0;
    }

    /** Copies up to {@code n} device-readable bytes into dst; returns how many were available. */
    public int read(byte[] dst, int n) {
        int done = 0;
        for (int i = 0; i < readableCount && done < n; i++) {
            int take = Math.min(len[i], n - done);
            mem.read(addr[i], dst, done, take);
            done += take;
        }
        return done;
    }

    /** Copies {@code n} bytes into the device-writable buffers; returns how many fitted. */
    public int write(byte[] src, int n) {
        int done = 0;
        for (int i = readableCount; i < count && done < n; i++) {
            int take = Math.min(len[i], n - done);
            mem.write(addr[i], src, done, take);
            done += take;
        }
        return done;
    }
}
