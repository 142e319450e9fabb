package io.vgpio.vhost;

import static io.vgpio.vhost.VhostUser.*;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.virtio.MemoryFault;
import io.vgpio.virtio.SplitVirtqueue;
import io.vgpio.virtio.VirtioConstants;
import io.vgpio.virtio.VirtioGpioDevice;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.vgpio.linux.DescriptorPassing;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Epoll;
import io.vgpio.linux.Errno;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.FdList;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.UnixSockets;

/**
 * One attached frontend: a thread that waits with epoll on the socket and the queues' kick eventfds, and answers
 * vhost-user messages. A frontend that breaks the protocol loses its connection; the backend keeps serving. So does
 * one that holds the only frontend slot without talking: it must finish its handshake (up to SET_OWNER) in time,
 * and a message, once begun, must arrive whole within the same time.
 */
final class Connection implements Runnable {
    private static final Logger LOG = System.getLogger("io.vgpio.vhost");
    private static final long SOCKET_TOKEN = 1000;
    private static final long WAKE_TOKEN = 1001;

    private final int sock;
    private final int peerPid;
    private final VirtioGpioDevice device;
    private final Runnable onClose;
    private final int handshakeMillis;
    private boolean handshakeDone;
    private final int epoll;
    private final int wake;
    private final Memory header = new Memory(HEADER_SIZE);
    private final Memory payload = new Memory(MAX_PAYLOAD);
    private final Memory reply = new Memory(HEADER_SIZE + MAX_PAYLOAD);
    private final FdList fds = new FdList();
    private final Queue[] queues = {new Queue(0), new Queue(1)};
    private MemoryTable memory;
    private long protocolFeatures;
    private boolean protocolFeaturesNegotiated;
    private final Set<Integer> unsupportedReported = new HashSet<>();
    private volatile boolean closing;

    /** What the frontend told us about one virtqueue. */
    private static final class Queue {
        final int index;
        int num = 0;
        int base;
        long descUva;
        long availUva;
        long usedUva;
        boolean addressed;
        int kickFd = -1;
        /** Guarded by the queue: it is written from whichever thread completes a buffer. */
        int callFd = -1;
        /** The call descriptor's counter was found full once: said once per descriptor, not once per request. */
        boolean callFullReported;
        int errFd = -1;
        boolean enabled;
        boolean running;

        Queue(int index) {
            this.index = index;
        }
    }

    /**
     * @param handshakeMillis how long the frontend has to complete its handshake, and to finish a message it began
     */
    Connection(int sock, VirtioGpioDevice device, Runnable onClose, int handshakeMillis) throws NativeException {
        this.sock = sock;
        this.peerPid = UnixSockets.peerPid(sock);
        this.device = device;
        this.onClose = onClose;
        this.handshakeMillis = handshakeMillis;
        UnixSockets.setIoTimeout(sock, handshakeMillis);
        this.epoll = Epoll.create();
        try {
            this.wake = EventFd.create(EventFd.EFD_NONBLOCK);
        } catch (NativeException e) {
            Descriptors.close(epoll);
            throw e;
        }
        try {
            Epoll.add(epoll, sock, SOCKET_TOKEN);
            Epoll.add(epoll, wake, WAKE_TOKEN);
        } catch (NativeException e) {
            Descriptors.close(wake);
            Descriptors.close(epoll);
            throw e;
        }
    }

    /** The frontend's process id (SO_PEERCRED), or -1 if unknown. */
    int peerPid() {
        return peerPid;
    }

    /** Asks the loop to end; it cleans up on its own thread. */
    void close() {
        closing = true;
        try {
            EventFd.signal(wake);
        } catch (NativeException e) {
            UnixSockets.shutdown(sock);
        }
    }

    @Override
    public void run() {
        device.chip().log().append(EventKind.CONNECTION, Event.NO_LINE, 1, 0);
        Epoll.Events events = new Epoll.Events(8);
        long handshakeDeadline = System.nanoTime() + handshakeMillis * 1_000_000L;
        try {
            loop:
            while (!closing) {
                int timeout = -1;
                if (!handshakeDone) {
                    long left = handshakeDeadline - System.nanoTime();
                    if (left <= 0) {
                        throw new ProtocolException("the frontend did not complete its handshake (up to SET_OWNER) in "
                                + handshakeMillis + " ms; dropped it so that another frontend can attach");
                    }
                    timeout = (int) Math.max(1, left / 1_000_000L);
                }
                int n = Epoll.await(epoll, events, timeout);
                for (int i = 0; i < n; i++) {
                    long token = events.token(i);
                    if (token == WAKE_TOKEN) {
                        break loop;
                    } else if (token == SOCKET_TOKEN) {
                        if (!handleMessage()) {
                            break loop;
                        }
                    } else {
                        // Kick descriptors are edge-triggered: each kick is one event, and reading the counter
                        // back would only cost a system call per kick.
                        Queue q = queues[(int) token];
                        if (q.kickFd >= 0) {
                            device.kick(q.index);
                        }
                    }
                }
            }
        } catch (NativeException | ProtocolException e) {
            if (!closing) {
                LOG.log(Level.WARNING, "frontend connection closed: {0}", e.getMessage());
            }
        } catch (InternalError e) {
            if (!MemoryFault.is(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "frontend connection closed: its guest memory faulted (the frontend shrank its"
                    + " memory file?): {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "frontend connection failed, closing it; the backend keeps serving", e);
        } finally {
            cleanup();
        }
    }

    private void cleanup() {
        device.reset();
        for (Queue q : queues) {
            closeQueueFds(q);
        }
        if (memory != null) {
            memory.close();
            memory = null;
        }
        Descriptors.close(sock);
        Descriptors.close(wake);
        Descriptors.close(epoll);
        device.chip().log().append(EventKind.CONNECTION, Event.NO_LINE, 0, 0);
        onClose.run();
    }

    private void closeQueueFds(Queue q) {
        if (q.kickFd >= 0) {
            Epoll.remove(epoll, q.kickFd);
            Descriptors.close(q.kickFd);
            q.kickFd = -1;
        }
        synchronized (q) {
            Descriptors.close(q.callFd);
            q.callFd = -1;
        }
        Descriptors.close(q.errFd);
        q.errFd = -1;
    }

    /** A frontend broke the vhost-user protocol badly enough that the connection cannot go on. */
    static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads and answers one message; false at end of stream. */
    private boolean handleMessage() throws NativeException, ProtocolException {
        int got = DescriptorPassing.receive(sock, header, HEADER_SIZE, fds);
        if (got == 0) {
            fds.closeAll();
            LOG.log(Level.INFO, "frontend disconnected");
            return false;
        }
        try {
            if (got < HEADER_SIZE && !readRest(header.share(got), HEADER_SIZE - got)) {
                throw new ProtocolException("stream ended inside a message header");
            }
            int request = header.getInt(0);
            int flags = header.getInt(4);
            int size = header.getInt(8);
            if ((flags & 0x3) != VERSION) {
                throw new ProtocolException("message " + VhostUser.name(request) + " has protocol version "
                        + (flags & 3) + ", expected " + VERSION);
            }
            if (size < 0 || size > MAX_PAYLOAD) {
                throw new ProtocolException("message " + VhostUser.name(request) + " gives a payload size of " + size
                        + " bytes; 0 to " + MAX_PAYLOAD + " are allowed");
            }
            if (size > 0 && !readRest(payload, size)) {
                throw new ProtocolException("stream ended inside a message payload");
            }
            if (LOG.isLoggable(Level.DEBUG)) {
                LOG.log(Level.DEBUG, "vhost-user {0} flags=0x{1} size={2} fds={3}", VhostUser.name(request),
                        Integer.toHexString(flags), size, fds.count());
            }
            boolean needReply = (flags & FLAG_NEED_REPLY) != 0;
            int status = dispatch(request, size);
            if (request == SET_OWNER) {
                handshakeDone = true;
            }
            if (status >= 0 && needReply && (protocolFeatures & (1L << PROTOCOL_F_REPLY_ACK)) != 0) {
                replyU64(request, status);
            }
            return true;
        } finally {
            fds.closeAll(); // descriptors a handler did not take
        }
    }

    /** Reads the rest of a message the frontend began; it has handshakeMillis to send it (SO_RCVTIMEO). */
    private boolean readRest(Pointer buf, int len) throws NativeException, ProtocolException {
        try {
            return Descriptors.readFully(sock, buf, len);
        } catch (NativeException e) {
            if (e.errno() == Errno.EAGAIN) {
                throw new ProtocolException("the frontend sent part of a message and then nothing for "
                        + handshakeMillis + " ms");
            }
            if (e.errno() == 0) { // readFully's end of stream after the first byte
                throw new ProtocolException("the frontend closed the connection in the middle of a message");
            }
            throw e;
        }
    }

    private void require(int request, int size, int need) throws ProtocolException {
        if (size < need) {
            throw new ProtocolException(VhostUser.name(request) + " payload is " + size + " bytes, needs " + need);
        }
    }

    /**
     * Handles one message.
     *
     * @return -1 if the message sent its own reply, else the REPLY_ACK status (0 = success)
     */
    private int dispatch(int request, int size) throws NativeException, ProtocolException {
        switch (request) {
            case GET_FEATURES -> {
                replyU64(request, device.deviceFeatures() | (1L << F_PROTOCOL_FEATURES));
                return -1;
            }
            case SET_FEATURES -> {
                require(request, size, 8);
                long f = payload.getLong(0);
                protocolFeaturesNegotiated = (f & (1L << F_PROTOCOL_FEATURES)) != 0;
                device.setDriverFeatures(f);
                return 0;
            }
            case GET_PROTOCOL_FEATURES -> {
                replyU64(request, offeredProtocolFeatures());
                return -1;
            }
            case SET_PROTOCOL_FEATURES -> {
                require(request, size, 8);
                protocolFeatures = payload.getLong(0) & offeredProtocolFeatures();
                return 0;
            }
            case GET_QUEUE_NUM -> {
                replyU64(request, queues.length);
                return -1;
            }
            case SET_OWNER -> {
                return 0;
            }
            case RESET_OWNER, RESET_DEVICE -> {
                device.reset();
                for (Queue q : queues) {
                    q.running = false;
                    q.enabled = false;
                }
                return 0;
            }
            case SET_MEM_TABLE -> {
                return setMemTable(size);
            }
            case SET_VRING_NUM -> {
                require(request, size, 8);
                Queue q = queue(payload.getInt(0));
                int num = payload.getInt(4);
                if (num < 1 || num > VirtioConstants.MAX_QUEUE_SIZE || Integer.bitCount(num) != 1) {
                    LOG.log(Level.WARNING, "SET_VRING_NUM {0} for queue {1} is not a power of two up to 32768", num,
                            q.index);
                    return 1;
                }
                q.num = num;
                return 0;
            }
            case SET_VRING_ADDR -> {
                require(request, size, 40);
                Queue q = queue(payload.getInt(0));
                q.descUva = payload.getLong(8);
                q.usedUva = payload.getLong(16);
                q.availUva = payload.getLong(24);
                q.addressed = true;
                return maybeStart(q) ? 0 : 1;
            }
            case SET_VRING_BASE -> {
                require(request, size, 8);
                Queue q = queue(payload.getInt(0));
                q.base = payload.getInt(4) & 0xffff;
                return 0;
            }
            case GET_VRING_BASE -> {
                require(request, size, 8);
                Queue q = queue(payload.getInt(0));
                stop(q);
                if (q.kickFd >= 0) {
                    Epoll.remove(epoll, q.kickFd);
                    Descriptors.close(q.kickFd);
                    q.kickFd = -1;
                }
                q.enabled = false;
                Memory p = replyBuffer(request, 8);
                p.setInt(HEADER_SIZE, q.index);
                p.setInt(HEADER_SIZE + 4, q.base);
                send(HEADER_SIZE + 8);
                return -1;
            }
            case SET_VRING_KICK, SET_VRING_CALL, SET_VRING_ERR -> {
                require(request, size, 8);
                long v = payload.getLong(0);
                Queue q = queue((int) (v & VRING_INDEX_MASK));
                int fd = (v & VRING_NOFD_MASK) != 0 ? -1 : fds.take(0);
                if ((v & VRING_NOFD_MASK) == 0 && fd < 0) {
                    throw new ProtocolException(VhostUser.name(request) + " for queue " + q.index
                            + " came without a descriptor");
                }
                if (fd >= 0) {
                    checkEventfd(request, q, fd);
                }
                if (request == SET_VRING_KICK) {
                    if (q.kickFd >= 0) {
                        Epoll.remove(epoll, q.kickFd);
                        Descriptors.close(q.kickFd);
                    }
                    q.kickFd = fd;
                    if (fd < 0) {
                        LOG.log(Level.WARNING, "queue {0}: polling mode (no kick descriptor) is not supported", q.index);
                        return 1;
                    }
                    Epoll.addEdge(epoll, fd, q.index);
                    if (!protocolFeaturesNegotiated) {
                        q.enabled = true; // without protocol features a ring runs as soon as it has a kick
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
            case SET_VRING_ENABLE -> {
                require(request, size, 8);
                Queue q = queue(payload.getInt(0));
                q.enabled = payload.getInt(4) != 0;
                if (q.enabled) {
                    return maybeStart(q) ? 0 : 1;
                }
                stop(q);
                return 0;
            }
            case GET_CONFIG -> {
                require(request, size, 12);
                int offset = payload.getInt(0);
                int len = payload.getInt(4);
                int cfgFlags = payload.getInt(8);
                if (offset < 0 || len < 0 || len > MAX_CONFIG || offset > MAX_CONFIG - len) {
                    LOG.log(Level.WARNING, "GET_CONFIG asks for {0} bytes at offset {1}: answering with none", len,
                            offset);
                    len = 0;
                }
                byte[] config = device.configSpace();
                Memory p = replyBuffer(request, 12 + len);
                p.setInt(HEADER_SIZE, offset);
                p.setInt(HEADER_SIZE + 4, len);
                p.setInt(HEADER_SIZE + 8, cfgFlags);
                for (int i = 0; i < len; i++) {
                    int at = offset + i;
                    p.setByte(HEADER_SIZE + 12 + i, at < config.length ? config[at] : 0);
                }
                send(HEADER_SIZE + 12 + len);
                return -1;
            }
            default -> {
                // Once per request code and connection: a frontend repeating one must not flood the log.
                if (unsupportedReported.add(request)) {
                    LOG.log(Level.WARNING, "vhost-user {0} is not supported by this device; ignored (said once"
                            + " for this frontend)", VhostUser.name(request));
                }
                return 1;
            }
        }
    }

    /**
     * A kick, call or error descriptor must be an eventfd, used non-blocking: anything else (a pipe, a socket, a
     * blocking eventfd whose counter is full) could block the thread that writes it, and a frontend chooses it.
     */
    private static void checkEventfd(int request, Queue q, int fd) throws ProtocolException, NativeException {
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

    private long offeredProtocolFeatures() {
        return (1L << PROTOCOL_F_MQ) | (1L << PROTOCOL_F_REPLY_ACK) | (1L << PROTOCOL_F_CONFIG);
    }

    private Queue queue(int index) throws ProtocolException {
        if (index < 0 || index >= queues.length) {
            throw new ProtocolException("queue index " + index + " does not exist (virtio-gpio has 2 queues)");
        }
        return queues[index];
    }

    private int setMemTable(int size) throws ProtocolException, NativeException {
        if (size < 8) {
            throw new ProtocolException("SET_MEM_TABLE payload is " + size + " bytes");
        }
        int n = payload.getInt(0);
        if (n < 1 || n > MAX_MEM_REGIONS || size < 8 + 32 * n) {
            throw new ProtocolException("SET_MEM_TABLE with " + n + " regions in " + size + " bytes");
        }
        if (fds.count() != n) {
            throw new ProtocolException("SET_MEM_TABLE lists " + n + " regions but came with " + fds.count()
                    + " descriptors");
        }
        List<MemoryTable.Entry> entries = new ArrayList<>();
        int[] regionFds = new int[n];
        for (int i = 0; i < n; i++) {
            int o = 8 + 32 * i;
            entries.add(new MemoryTable.Entry(payload.getLong(o), payload.getLong(o + 8), payload.getLong(o + 16),
                    payload.getLong(o + 24)));
            regionFds[i] = fds.take(i);
        }
        String outside = MemoryTable.outsideItsFile(entries, regionFds);
        if (outside != null) {
            for (int fd : regionFds) {
                Descriptors.close(fd);
            }
            throw new ProtocolException("SET_MEM_TABLE: " + outside);
        }
        // Queues read the old memory: stop them before it goes away. The frontend restarts them after.
        for (Queue q : queues) {
            stop(q);
        }
        if (memory != null) {
            memory.close();
            memory = null;
        }
        try {
            memory = MemoryTable.map(entries, regionFds);
        } catch (NativeException e) {
            LOG.log(Level.WARNING, "SET_MEM_TABLE: {0}", e.getMessage());
            return 1;
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            for (MemoryTable.Entry e : entries) {
                LOG.log(Level.DEBUG, "  region gpa=0x{0} size={1} uva=0x{2} offset={3}",
                        Long.toHexString(e.guestAddress()), e.size(), Long.toHexString(e.userAddress()),
                        e.mmapOffset());
            }
        }
        for (Queue q : queues) {
            maybeStart(q);
        }
        return 0;
    }

    /** Starts the queue if the frontend has told us everything; false if its addresses are unusable. */
    private boolean maybeStart(Queue q) {
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
                close();
            }
        });
        LOG.log(Level.DEBUG, "queue {0} started: size {1}, base {2}", q.index, q.num, q.base);
        return true;
    }

    private void stop(Queue q) {
        if (q.running) {
            q.base = device.stopQueue(q.index);
            q.running = false;
        }
    }

    /**
     * Signals the call eventfd (non-blocking, checked when it arrived). Runs on whichever thread completed a
     * buffer, never under the chip's monitor; the queue's lock only keeps the descriptor from being closed, and
     * its number reused, during the write.
     */
    private void notifyCall(Queue q) {
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

    private Memory replyBuffer(int request, int size) {
        reply.setInt(0, request);
        reply.setInt(4, VERSION | FLAG_REPLY);
        reply.setInt(8, size);
        return reply;
    }

    private void replyU64(int request, long value) throws NativeException {
        replyBuffer(request, 8).setLong(HEADER_SIZE, value);
        send(HEADER_SIZE + 8);
    }

    private void send(int len) throws NativeException {
        Descriptors.writeFully(sock, reply, len);
    }
}
