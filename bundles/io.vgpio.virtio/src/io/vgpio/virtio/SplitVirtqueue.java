package io.vgpio.virtio;

import static io.vgpio.virtio.VirtioConstants.DESC_SIZE;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_AVAIL_F_NO_INTERRUPT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_INDIRECT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_NEXT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_WRITE;

import io.vgpio.core.EventKind.ChainError;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * The device side of a split virtqueue. The three ring areas are resolved to buffers once; descriptors are
 * validated before anything is read through them. Not thread-safe: the owner serialises access.
 */
public final class SplitVirtqueue {
    /** Largest total length of one chain's buffers the device accepts (a names blob of 65535 long names fits). */
    public static final long MAX_CHAIN_BYTES = 1L << 24;

    private final GuestMemory mem;
    private final int size;
    private final ByteBuffer desc;
    private final ByteBuffer avail;
    private final ByteBuffer used;
    private final boolean indirect;
    private final boolean eventIdx;
    /** Where the rings lie in guest memory: the same after a VM stop and continue, new after a driver reset. */
    private final RingAddresses addresses;
    private int lastAvail;
    private int usedIdx;
    private int signalledUsed;
    private boolean broken;
    /**
     * Chains taken since the ring was last seen empty. A driver cannot have more than the queue's size in flight,
     * and the device answers each before it takes the next, so even a driver that refills as fast as it can stays
     * far below {@link #OVERRUN}; only rings that the device's own writes move (a used ring or a response buffer
     * placed over the available index) keep the index running ahead forever.
     */
    private int takenSinceEmpty;
    /** One full turn of the 16-bit available index. */
    public static final int OVERRUN = 1 << 16;

    /**
     * @param size queue size (a power of two up to 32768)
     * @param nextAvail index of the next available-ring entry to consume (SET_VRING_BASE)
     */
    public SplitVirtqueue(GuestMemory mem, int size, long descAddr, long availAddr, long usedAddr, boolean indirect,
            boolean eventIdx, int nextAvail) {
        if (size < 1 || size > VirtioConstants.MAX_QUEUE_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("queue size " + size + " is not a power of two up to 32768");
        }
        this.mem = mem;
        this.size = size;
        this.desc = mem.view(descAddr, VirtioConstants.descTableSize(size));
        this.avail = mem.view(availAddr, VirtioConstants.availRingSize(size));
        this.used = mem.view(usedAddr, VirtioConstants.usedRingSize(size));
        this.indirect = indirect;
        this.eventIdx = eventIdx;
        this.addresses = new RingAddresses(size, descAddr, availAddr, usedAddr);
        this.lastAvail = nextAvail & 0xffff;
        // The used index continues from the ring's current value (equal to nextAvail for a device that stopped
        // with nothing in flight).
        this.usedIdx = used.getShort(2) & 0xffff;
        this.signalledUsed = usedIdx;
    }

    public int size() {
        return size;
    }

    /** The ring's size and guest-physical addresses. */
    public RingAddresses addresses() {
        return addresses;
    }

    /** Where a ring lies in guest memory, and its size. */
    public record RingAddresses(int size, long desc, long avail, long used) {
    }

    /**
     * Walks the chain that starts at {@code head} again, as the driver made it available earlier: for buffers the
     * device held across a ring stop (a VM stop and continue), whose mapping may have changed since.
     */
    public DescriptorChain chainAt(int head) throws BadChainException {
        if (head < 0 || head >= size) {
            throw new BadChainException(-1, new ChainException(ChainError.BAD_HEAD_INDEX,
                    "head index " + head + " is outside the queue of " + size));
        }
        try {
            return walk(head, new DescriptorChain(mem));
        } catch (ChainException e) {
            throw new BadChainException(head, e);
        } catch (GuestMemoryException e) {
            throw new BadChainException(head, new ChainException(ChainError.ADDRESS_OUTSIDE_MEMORY, e.getMessage()));
        }
    }

    public GuestMemory memory() {
        return mem;
    }

    /** Index of the next available entry to consume: what GET_VRING_BASE reports. */
    public int nextAvail() {
        return lastAvail;
    }

    /** True once the driver moved the available index by more than the queue size; the queue is then ignored. */
    public boolean broken() {
        return broken;
    }

    /** True if the driver made buffers available that were not consumed yet. */
    public boolean hasAvailable() {
        if (broken) {
            return false;
        }
        return (avail.getShort(2) & 0xffff) != lastAvail;
    }

    /**
     * Takes the next available chain.
     *
     * @return the chain, or null if none is available
     * @throws BadChainException if the chain is malformed; {@link BadChainException#head()} tells whether it can be returned
     */
    public DescriptorChain pop() throws BadChainException {
        return pop(null);
    }

    /**
     * Takes the next available chain into {@code reuse} (a chain of this queue's memory, or null for a new one).
     *
     * @return the chain, or null if none is available
     */
    public DescriptorChain pop(DescriptorChain reuse) throws BadChainException {
        if (broken) {
            return null;
        }
        if (eventIdx) {
            // Ask to be kicked for the next entry, then look again. The driver publishes its avail index and then
            // reads avail_event; we publish avail_event and then read the avail index. Without a full fence
            // between the store and the load on each side, both can read stale values (store buffering): the
            // driver skips the kick while we see nothing new, and the request is never served.
            used.putShort(4 + 8 * size, (short) lastAvail);
            VarHandle.fullFence();
        }
        int availIdx = avail.getShort(2) & 0xffff;
        if (availIdx == lastAvail) {
            takenSinceEmpty = 0;
            return null;
        }
        if (++takenSinceEmpty > OVERRUN) {
            broken = true; // otherwise the device serves this queue forever and its connection never ends
            throw new BadChainException(-1, new ChainException(ChainError.RING_OVERRUN, "the available index ran "
                    + OVERRUN + " entries ahead without the ring ever being empty: the device's own writes move it"
                    + " (a used ring or a buffer over the available ring)"));
        }
        VarHandle.acquireFence(); // read ring entries only after seeing the index that published them
        if (((availIdx - lastAvail) & 0xffff) > size) {
            broken = true;
            throw new BadChainException(-1, new ChainException(ChainError.RING_INDEX_JUMP,
                    "available index moved from " + lastAvail + " to " + availIdx + " on a queue of " + size));
        }
        int head = avail.getShort(4 + 2 * (lastAvail % size)) & 0xffff;
        lastAvail = (lastAvail + 1) & 0xffff;
        if (head >= size) {
            throw new BadChainException(-1, new ChainException(ChainError.BAD_HEAD_INDEX,
                    "head index " + head + " is outside the queue of " + size));
        }
        try {
            return walk(head, reuse != null && reuse.memory() == mem ? reuse : new DescriptorChain(mem));
        } catch (ChainException e) {
            throw new BadChainException(head, e);
        } catch (GuestMemoryException e) {
            throw new BadChainException(head, new ChainException(ChainError.ADDRESS_OUTSIDE_MEMORY, e.getMessage()));
        }
    }

    /** A malformed chain and whether its head can be handed back on the used ring (head &gt;= 0). */
    public static final class BadChainException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int head;

        BadChainException(int head, ChainException cause) {
            super(cause.getMessage(), cause, false, false);
            this.head = head;
        }

        public int head() {
            return head;
        }

        public ChainError error() {
            return ((ChainException) getCause()).error();
        }
    }

    private DescriptorChain walk(int head, DescriptorChain chain) throws ChainException {
        int count = 0;
        int readable = 0;
        long total = 0;
        int idx = head;
        int visited = 0;
        while (true) {
            if (++visited > size) {
                throw new ChainException(ChainError.LOOP, "chain from head " + head + " loops");
            }
            int o = idx * DESC_SIZE;
            long a = desc.getLong(o);
            int l = desc.getInt(o + 8);
            int flags = desc.getShort(o + 12) & 0xffff;
            int next = desc.getShort(o + 14) & 0xffff;
            if ((flags & VIRTQ_DESC_F_INDIRECT) != 0) {
                if (!indirect) {
                    throw new ChainException(ChainError.INDIRECT_NOT_NEGOTIATED,
                            "indirect descriptor without VIRTIO_RING_F_INDIRECT_DESC");
                }
                if ((flags & VIRTQ_DESC_F_NEXT) != 0) {
                    throw new ChainException(ChainError.INDIRECT_WITH_NEXT, "indirect descriptor with NEXT set");
                }
                long tableLen = l & 0xffffffffL;
                if (tableLen == 0 || tableLen % DESC_SIZE != 0 || tableLen / DESC_SIZE > VirtioConstants.MAX_QUEUE_SIZE) {
                    throw new ChainException(ChainError.BAD_INDIRECT_TABLE, "indirect table length " + tableLen);
                }
                if (!mem.contains(a, tableLen)) {
                    throw new ChainException(ChainError.ADDRESS_OUTSIDE_MEMORY,
                            String.format("indirect table at 0x%x+%d is outside guest memory", a, tableLen));
                }
                int n = (int) (tableLen / DESC_SIZE);
                int i = 0;
                int seen = 0;
                while (true) {
                    if (++seen > n) {
                        throw new ChainException(ChainError.LOOP, "indirect table at 0x" + Long.toHexString(a) + " loops");
                    }
                    long e = a + (long) i * DESC_SIZE;
                    long ia = mem.u64(e);
                    int il = (int) mem.u32(e + 8);
                    int iflags = mem.u16(e + 12);
                    int inext = mem.u16(e + 14);
                    if ((iflags & VIRTQ_DESC_F_INDIRECT) != 0) {
                        throw new ChainException(ChainError.NESTED_INDIRECT, "indirect descriptor inside an indirect table");
                    }
                    chain.ensure(count);
                    total = add(chain, count, ia, il, iflags, readable, total);
                    if ((iflags & VIRTQ_DESC_F_WRITE) == 0) {
                        readable++;
                    }
                    count++;
                    if ((iflags & VIRTQ_DESC_F_NEXT) == 0) {
                        break;
                    }
                    if (inext >= n) {
                        throw new ChainException(ChainError.BAD_NEXT_INDEX, "indirect next index " + inext + " >= " + n);
                    }
                    i = inext;
                }
                break; // an indirect descriptor ends the chain
            }
            chain.ensure(count);
            total = add(chain, count, a, l, flags, readable, total);
            if ((flags & VIRTQ_DESC_F_WRITE) == 0) {
                readable++;
            }
            count++;
            if ((flags & VIRTQ_DESC_F_NEXT) == 0) {
                break;
            }
            if (next >= size) {
                throw new ChainException(ChainError.BAD_NEXT_INDEX, "next index " + next + " >= queue size " + size);
            }
            idx = next;
        }
        chain.set(head, count, readable);
        return chain;
    }

    private long add(DescriptorChain chain, int count, long a, int l, int flags, int readableSoFar, long total)
            throws ChainException {
        long ul = l & 0xffffffffL;
        boolean writable = (flags & VIRTQ_DESC_F_WRITE) != 0;
        if (!writable && readableSoFar < count) {
            throw new ChainException(ChainError.READABLE_AFTER_WRITABLE,
                    "a device-readable buffer follows a device-writable one");
        }
        total += ul;
        if (total > MAX_CHAIN_BYTES) {
            throw new ChainException(ChainError.TOO_LONG, "chain holds more than " + MAX_CHAIN_BYTES + " bytes");
        }
        if (!mem.contains(a, ul)) {
            throw new ChainException(ChainError.ADDRESS_OUTSIDE_MEMORY,
                    String.format("buffer 0x%x+%d is outside guest memory", a, ul));
        }
        chain.addr[count] = a;
        chain.len[count] = (int) ul;
        return total;
    }

    /** Returns a chain to the driver with the number of bytes written into it. */
    public void push(int head, int writtenLen) {
        int slot = 4 + 8 * (usedIdx % size);
        used.putInt(slot, head);
        used.putInt(slot + 4, writtenLen);
        VarHandle.releaseFence(); // the entry must be visible before the index that publishes it
        usedIdx = (usedIdx + 1) & 0xffff;
        used.putShort(2, (short) usedIdx);
    }

    /**
     * Decides whether the driver wants an interrupt for what was pushed since the last call (VIRTIO_RING_F_EVENT_IDX
     * or the NO_INTERRUPT flag), and starts a new batch.
     */
    public boolean shouldNotify() {
        VarHandle.fullFence(); // our used index must be visible before we read the driver's used_event
        int old = signalledUsed;
        int now = usedIdx;
        signalledUsed = now;
        if (old == now) {
            return false;
        }
        if (eventIdx) {
            int usedEvent = avail.getShort(4 + 2 * size) & 0xffff;
            return VirtioConstants.needEvent(usedEvent, now, old);
        }
        return (avail.getShort(0) & VIRTQ_AVAIL_F_NO_INTERRUPT) == 0;
    }
}
