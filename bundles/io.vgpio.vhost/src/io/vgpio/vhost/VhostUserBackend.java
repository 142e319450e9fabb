package io.vgpio.vhost;

import io.vgpio.core.sockets.PrivateBind;
import io.vgpio.core.sockets.SocketDirectory;
import io.vgpio.virtio.VirtioGpioDevice;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Errno;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.UnixSockets;

/**
 * Serves a virtio-gpio device over vhost-user: listens on a UNIX socket (mode 0600) that QEMU, or any vhost-user
 * frontend, connects to. One frontend at a time; a second one is refused until the first goes away. Frontends
 * may disconnect and come back (guest reboot, QEMU restart) without the backend restarting. A frontend that takes
 * the slot and does not complete its handshake in time loses it.
 */
public final class VhostUserBackend implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.vgpio.vhost");
    /** QEMU completes its handshake in milliseconds; ten seconds leaves room for a loaded machine. */
    public static final int DEFAULT_HANDSHAKE_MILLIS = 10_000;

    private final Path socket;
    private final VirtioGpioDevice device;
    private int listenFd = -1;
    private Thread acceptThread;
    private volatile Connection active;
    private long activeSince;
    private volatile int handshakeMillis = DEFAULT_HANDSHAKE_MILLIS;
    private volatile boolean closed;
    private int connectionCount;

    public VhostUserBackend(Path socket, VirtioGpioDevice device) {
        this.socket = socket.toAbsolutePath();
        this.device = device;
    }

    public Path socketPath() {
        return socket;
    }

    public VirtioGpioDevice device() {
        return device;
    }

    /**
     * How long a new frontend has to complete its handshake (up to SET_OWNER), and to finish any message it began,
     * before it loses the slot. Applies to frontends that connect afterwards.
     */
    public void setHandshakeTimeout(int millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("handshake time-out must be positive, not " + millis);
        }
        handshakeMillis = millis;
    }

    /** True while a frontend is attached. */
    public boolean connected() {
        return active != null;
    }

    /** Binds the socket and starts accepting frontends. */
    public synchronized void start() throws IOException {
        SocketDirectory.prepare(socket.getParent());
        removeStaleSocket();
        listenFd = PrivateBind.bind(socket, at -> UnixSockets.listen(at.toString(), 4), Descriptors::close);
        acceptThread = new Thread(this::acceptLoop, "vhost-accept " + socket.getFileName());
        acceptThread.setDaemon(true);
        acceptThread.start();
        LOG.log(Level.INFO, "vhost-user backend listening on {0}", socket);
    }

    private void removeStaleSocket() throws IOException {
        if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object mode = Files.getAttribute(socket, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!(mode instanceof Integer m) || (m & 0170000) != 0140000) {
            throw new IOException(socket + " exists and is not a socket; remove it or choose another socket path");
        }
        try {
            int fd = UnixSockets.connect(socket.toString());
            Descriptors.close(fd);
            throw new IOException("another backend is already serving " + socket
                    + "; stop it or choose another socket path");
        } catch (NativeException e) {
            if (e.errno() != Errno.ECONNREFUSED) {
                throw e;
            }
            UnixSockets.unlink(socket.toString()); // left behind by a backend that died
        }
    }

    private void acceptLoop() {
        while (!closed) {
            int fd;
            try {
                fd = UnixSockets.accept(listenFd);
            } catch (NativeException e) {
                if (!closed) {
                    LOG.log(Level.ERROR, "accept on {0} failed: {1}", socket, e.getMessage());
                }
                return;
            }
            if (closed) {
                Descriptors.close(fd);
                return;
            }
            synchronized (this) {
                if (active != null) {
                    LOG.log(Level.WARNING, "refused a second frontend on {0} ({1}): {2}, attached {3} s ago, holds"
                            + " the only slot", socket, pid(UnixSockets.peerPid(fd)), pid(active.peerPid()),
                            (System.nanoTime() - activeSince) / 1_000_000_000L);
                    Descriptors.close(fd);
                    continue;
                }
                try {
                    Connection c = new Connection(fd, device, this::connectionClosed, handshakeMillis);
                    active = c;
                    activeSince = System.nanoTime();
                    connectionCount++;
                    Thread t = new Thread(c, "vhost-conn-" + connectionCount);
                    t.setDaemon(true);
                    t.start();
                    LOG.log(Level.INFO, "frontend connected on {0} ({1})", socket, pid(c.peerPid()));
                } catch (NativeException e) {
                    LOG.log(Level.ERROR, "cannot serve a new frontend: {0}", e.getMessage());
                    Descriptors.close(fd);
                }
            }
        }
    }

    private static String pid(int pid) {
        return pid < 0 ? "pid unknown" : "pid " + pid;
    }

    private synchronized void connectionClosed() {
        active = null;
        notifyAll();
    }

    /** Waits until no frontend is attached (or the timeout passes); true if none is. */
    public synchronized boolean awaitDisconnected(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (active != null) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Stops listening, disconnects the frontend and removes the socket file. */
    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = active;
        }
        if (c != null) {
            c.close();
            try {
                awaitDisconnected(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (listenFd >= 0) {
            UnixSockets.shutdown(listenFd);
            Descriptors.close(listenFd);
            listenFd = -1;
        }
        try {
            UnixSockets.unlink(socket.toString());
        } catch (NativeException e) {
            LOG.log(Level.WARNING, "cannot remove {0}: {1}", socket, e.getMessage());
        }
    }
}
