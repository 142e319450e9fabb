package io.vgpio.vhost;

import static io.vgpio.vhost.VhostUser.SET_VRING_CALL;
import static io.vgpio.vhost.VhostUser.SET_VRING_KICK;
import static io.vgpio.vhost.VhostUser.VRING_INDEX_MASK;
import static io.vgpio.vhost.VhostUser.VRING_NOFD_MASK;

import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Epoll;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.FdList;
import io.vgpio.linux.NativeException;
import io.vgpio.virtio.SplitVirtqueue;
import io.vgpio.virtio.VirtioConstants;
import io.vgpio.virtio.VirtioGpioDevice;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The device's virtqueues as one frontend sets them up, and the guest memory they live in: a queue starts once it
 * has a size, addresses inside the memory table, a kick descriptor and is enabled; it stops before its memory goes
 * away. Kick descriptors are watched by the connection's epoll, with the queue index as the token.
 */
final class Vrings implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.vgpio.vhost");

    private final VirtioGpioDevice device;
    private final int epoll;
    private final Runnable onMemoryFault;
    private final Vring[] vrings = {new Vring(0), new Vring(1)};
    private MemoryTable memory;

    /** @param onMemoryFault ends the connection when a queue finds its guest memory gone */
    Vrings(VirtioGpioDevice device, int epoll, Runnable onMemoryFault) {
        this.device = device;
        this.epoll = epoll;
        this.onMemoryFault = onMemoryFault;
    }

    int count() {
        return vrings.length;
    }

    Vring get(int index) throws ProtocolException {
        if (index < 0 || index >= vrings.length) {
            throw new ProtocolException("queue index " + index + " does not exist (virtio-gpio has 2 queues)");
        }
        return vrings[index];
    }

    /** The vring whose kick descriptor an epoll token names, or null if its kick was dropped meanwhile. */
    Vring kicked(long token) {
        Vring q = vrings[(int) token];
        return q.kickFd >= 0 ? q : null;
    }

    /** RESET_OWNER, RESET_DEVICE: the device forgets its queues; the frontend sets them up again. */
    void reset() {
        device.reset();
        for (Vring q : vrings) {
            q.running = false;
            q.enabled = false;
        }
    }

    /** SET_VRING_NUM; the REPLY_ACK status. */
    int setNum(Vring q, int num) {
        if (num < 1 || num > VirtioConstants.MAX_QUEUE_SIZE || Integer.bitCount(num) != 1) {
            LOG.log(Level.WARNING, "SET_VRING_NUM {0} for queue {1} is not a power of two up to 32768", num, q.index);
            return 1;
        }
        q.num = num;
        return 0;
    }

    /** SET_VRING_ADDR; the REPLY_ACK status. */
    int setAddresses(Vring q, long desc, long used, long avail) {
        q.descUva = desc;
        q.usedUva = used;
        q.availUva = avail;
        q.addressed = true;
        return maybeStart(q) ? 0 : 1;
    }

    /** GET_VRING_BASE: stops the queue and drops its kick; returns where the device stopped. */
    int stopForBase(Vring q) {
        stop(q);
        q.dropKick(epoll);
        q.enabled = false;
        return q.base;
    }

    /** SET_VRING_ENABLE; the REPLY_ACK status. */
    int enable(Vring q, boolean enabled) {
        q.enabled = enabled;
        if (enabled) {
            return maybeStart(q) ? 0 : 1;
        }
        stop(q);
        return 0;
    }

    /**
     * SET_VRING_KICK, SET_VRING_CALL, SET_VRING_ERR: the u64 payload names the queue and says whether a descriptor
     * came with the message (the first of fds).
     *
     * @param protocolFeaturesNegotiated without protocol features a ring runs as soon as it has a kick
     * @return the REPLY_ACK status
     */
    int setDescriptor(int request, long v, FdList fds, boolean protocolFeaturesNegotiated)
            throws ProtocolException, NativeException {
        Vring q = get((int) (v & VRING_INDEX_MASK));
        int fd = (v & VRING_NOFD_MASK) != 0 ? -1 : fds.take(0);
        if ((v & VRING_NOFD_MASK) == 0 && fd < 0) {
            throw new ProtocolException(VhostUser.name(request) + " for queue " + q.index
                    + " came without a descriptor");
        }
        if (fd >= 0) {
            checkEventfd(request, q, fd);
        }
        if (request == SET_VRING_KICK) {
            q.dropKick(epoll);
            q.kickFd = fd;
            if (fd < 0) {
                LOG.log(Level.WARNING, "queue {0}: polling mode (no kick descriptor) is not supported", q.index);
                return 1;
            }
            Epoll.addEdge(epoll, fd, q.index);
            if (!protocolFeaturesNegotiated) {
                q.enabled = true;
            }
            return maybeStart(q) ? 0 : 1;
        } else if (request == SET_VRING_CALL) {
            synchronized (q) {
                Descriptors.close(q.callFd);
                q.callFd = fd;
                q.callFullReported = false;
            }
        } else {
            Descriptors.close(q.errFd);
            q.errFd = fd;
        }
        return 0;
    }

    /**
     * A kick, call or error descriptor must be an eventfd, used non-blocking: anything else (a pipe, a socket, a
     * blocking eventfd whose counter is full) could block the thread that writes it, and a frontend chooses it.
     */
    private static void checkEventfd(int request, Vring q, int fd) throws ProtocolException, NativeException {
        if (!Descriptors.isEventfd(fd)) {
            Descriptors.close(fd);
            throw new ProtocolException(VhostUser.name(request) + " for queue " + q.index
                    + " passed a descriptor that is not an eventfd");
        }
        try {
            Descriptors.setNonBlocking(fd);
        } catch (NativeException e) {
            Descriptors.close(fd);
            throw e;
        }
    }

    /** SET_MEM_TABLE: maps the new memory in place of the old one; the REPLY_ACK status. */
    int replaceMemory(MemTableMessage table) throws ProtocolException, NativeException {
        String outside = MemoryTable.outsideItsFile(table.entries(), table.fds());
        if (outside != null) {
            for (int fd : table.fds()) {
                Descriptors.close(fd);
            }
            throw new ProtocolException("SET_MEM_TABLE: " + outside);
        }
        // Queues read the old memory: stop them before it goes away. The frontend restarts them after.
        for (Vring q : vrings) {
            stop(q);
        }
        closeMemory();
        try {
            memory = MemoryTable.map(table.entries(), table.fds());
        } catch (NativeException e) {
            LOG.log(Level.WARNING, "SET_MEM_TABLE: {0}", e.getMessage());
            return 1;
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            for (MemoryTable.Entry e : table.entries()) {
                LOG.log(Level.DEBUG, "  region gpa=0x{0} size={1} uva=0x{2} offset={3}",
                        Long.toHexString(e.guestAddress()), e.size(), Long.toHexString(e.userAddress()),
                        e.mmapOffset());
            }
        }
        for (Vring q : vrings) {
            maybeStart(q);
        }
        return 0;
    }

    /** Starts the queue if the frontend has told us everything; false if its addresses are unusable. */
    private boolean maybeStart(Vring q) {
        if (q.running || !q.addressed || q.kickFd < 0 || !q.enabled || memory == null || q.num == 0) {
            return true;
        }
        long desc = memory.toGuest(q.descUva, VirtioConstants.descTableSize(q.num));
        long avail = memory.toGuest(q.availUva, VirtioConstants.availRingSize(q.num));
        long used = memory.toGuest(q.usedUva, VirtioConstants.usedRingSize(q.num));
        if (desc < 0 || avail < 0 || used < 0) {
            LOG.log(Level.WARNING, "queue {0}: ring addresses are outside the memory table; queue not started",
                    q.index);
            return false;
        }
        boolean indirect = device.negotiated(VirtioConstants.F_INDIRECT_DESC);
        boolean eventIdx = device.negotiated(VirtioConstants.F_EVENT_IDX);
        SplitVirtqueue vq = new SplitVirtqueue(memory.memory(), q.num, desc, avail, used, indirect, eventIdx, q.base);
        q.running = true;
        device.startQueue(q.index, vq, new VirtioGpioDevice.Notifier() {
            @Override
            public void notifyDriver() {
                notifyCall(q);
            }

            @Override
            public void memoryFault(String detail) {
                LOG.log(Level.WARNING, "closing the frontend connection: {0}", detail);
                onMemoryFault.run();
            }
        });
        LOG.log(Level.DEBUG, "queue {0} started: size {1}, base {2}", q.index, q.num, q.base);
        return true;
    }

    private void stop(Vring q) {
        if (q.running) {
            q.base = device.stopQueue(q.index);
            q.running = false;
        }
    }

    /**
     * Signals the call eventfd (non-blocking, checked when it arrived). Runs on whichever thread completed a
     * buffer, never under the chip's monitor; the vring's lock only keeps the descriptor from being closed, and
     * its number reused, during the write.
     */
    private static void notifyCall(Vring q) {
        synchronized (q) {
            if (q.callFd < 0) {
                return;
            }
            try {
                EventFd.signal(q.callFd);
            } catch (NativeException e) {
                // EAGAIN: the counter is full, so the driver has a wake-up pending anyway; nothing is lost.
                if (!q.callFullReported) {
                    q.callFullReported = true;
                    LOG.log(Level.WARNING, "queue {0}: cannot signal the call descriptor ({1}); said once for this"
                            + " descriptor", q.index, e.getMessage());
                }
            }
        }
    }

    private void closeMemory() {
        if (memory != null) {
            memory.close();
            memory = null;
        }
    }

    /** Closes every queue's descriptors and unmaps the memory; the device must have been reset. */
    @Override
    public void close() {
        for (Vring q : vrings) {
            q.closeDescriptors(epoll);
        }
        closeMemory();
    }
}
