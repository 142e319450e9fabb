package io.vgpio.fuzz;

import io.vgpio.virtio.DescriptorChain;
import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.SplitVirtqueue;
import io.vgpio.virtio.SplitVirtqueue.BadChainException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The split virtqueue's descriptor-chain walker over an in-memory guest memory the input fills. Clean rejection: a
 * {@link BadChainException} (the device returns such a chain with length 0, or ignores a broken ring). The device
 * side consumes every available chain as the virtio-gpio device does: reads the request, writes a response,
 * pushes it.
 *
 * <pre>
 * input := u8 flags (bit 0: indirect, bit 1: event idx) u8 log2(size) u16 nextAvail   image of guest memory
 * </pre>
 *
 * Guest memory is two adjacent regions (0x0-0x1000 and 0x1000-0x2000) and one apart (0x10000-0x11000); the rings
 * sit at fixed addresses in the first, so the fuzzer steers descriptors, not ring addresses.
 */
public final class VirtqueueTarget {
    static final long DESC = 0x000;
    static final long AVAIL = 0x400;
    static final long USED = 0x600;
    private static final int REGION = 0x1000;

    private VirtqueueTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length < 4) {
            return;
        }
        boolean indirect = (data[0] & 1) != 0;
        boolean eventIdx = (data[0] & 2) != 0;
        int size = 1 << Math.min(data[1] & 0x0f, 5); // up to 32 descriptors: the rings fit below 0x1000
        int nextAvail = (data[2] & 0xff) | (data[3] & 0xff) << 8;
        byte[] image = new byte[3 * REGION];
        System.arraycopy(data, 4, image, 0, Math.min(data.length - 4, image.length));
        GuestMemory mem = new GuestMemory(List.of(region(0, image, 0), region(REGION, image, REGION),
                region(0x10000, image, 2 * REGION)));
        SplitVirtqueue q = new SplitVirtqueue(mem, size, DESC, AVAIL, USED, indirect, eventIdx, nextAvail);
        byte[] buf = new byte[3 * REGION];
        DescriptorChain reuse = null;
        // Every pop consumes an entry, so a well-behaved queue runs dry within one ring's worth of pops.
        for (int i = 0; i <= size; i++) {
            DescriptorChain chain;
            try {
                chain = q.pop(reuse);
            } catch (BadChainException e) {
                if (e.head() >= 0) {
                    q.push(e.head(), 0);
                }
                continue;
            }
            if (chain == null) {
                break;
            }
            reuse = chain;
            check(chain);
            int read = chain.read(buf, buf.length);
            int written = chain.write(buf, Math.max(read, 1));
            q.push(chain.head(), written);
        }
        q.shouldNotify();
    }

    private static void check(DescriptorChain chain) {
        if (chain.head() < 0 || chain.readableBytes() < 0 || chain.writableBytes() < 0
                || chain.readableBytes() + chain.writableBytes() > SplitVirtqueue.MAX_CHAIN_BYTES
                || chain.readableCount() + chain.writableCount() != chain.count()) {
            throw new AssertionError("inconsistent chain: head " + chain.head() + ", " + chain.count() + " buffers");
        }
    }

    private static GuestMemory.Region region(long gpa, byte[] image, int from) {
        return new GuestMemory.Region(gpa, REGION, ByteBuffer.wrap(image, from, REGION).slice());
    }
}
