package io.vgpio.virtio;

/**
 * A validated descriptor chain: its head index and its buffers, device-readable ones first. Reading and writing go
 * through the chain's guest memory, gathering and scattering across the buffers.
 */
public final class DescriptorChain {
    private final GuestMemory mem;
    private final int head;
    private final long[] addr;
    private final int[] len;
    private final int count;
    private final int readableCount;
    private final long readableBytes;
    private final long writableBytes;

    DescriptorChain(GuestMemory mem, int head, long[] addr, int[] len, int count, int readableCount) {
        this.mem = mem;
        this.head = head;
        this.addr = addr;
        this.len = len;
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
