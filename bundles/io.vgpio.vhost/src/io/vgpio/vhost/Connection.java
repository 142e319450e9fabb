package io.vgpio.vhost;

import static io.vgpio.vhost.VhostUser.*;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.vgpio.linux.DescriptorPassing;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Epoll;
import io.vgpio.linux.Errno;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.FdList;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.UnixSockets;
import io.vgpio.virtio.MemoryFault;
import io.vgpio.virtio.VirtioGpioDevice;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * One attached frontend: a thread that waits with epoll on the socket and the queues' kick eventfds, reads
 * vhost-user messages whole and hands them to its {@link MessageHandler}. A frontend that breaks the protocol loses
 * its connection; the backend keeps serving. So does one that holds the only frontend slot without talking: it
 * must finish its handshake (up to SET_OWNER) in time, and a message, once begun, must arrive whole within the
 * same time.
 */
final class Connection implements Runnable {
    private static final Logger LOG = System.getLogger("io.vgpio.vhost");
    /** Epoll tokens of the socket and the wake-up eventfd; kick descriptors use their queue index. */
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
    private final FdList fds = new FdList();
    private final Vrings vrings;
    private final MessageHandler handler;
    private volatile boolean closing;

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
        this.vrings = new Vrings(device, epoll, this::close);
        this.handler = new MessageHandler(sock, device, vrings, payload, fds);
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
        device.chip().frontendChanged(true);
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
                        Vring q = vrings.kicked(token);
                        if (q != null) {
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
        vrings.close();
        Descriptors.close(sock);
        Descriptors.close(wake);
        Descriptors.close(epoll);
        device.chip().frontendChanged(false);
        onClose.run();
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
            handler.handle(request, flags, size);
            if (request == SET_OWNER) {
                handshakeDone = true;
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
            if (e.errno() == Errno.NONE) { // readFully's end of stream after the first byte
                throw new ProtocolException("the frontend closed the connection in the middle of a message");
            }
            throw e;
        }
    }
}
