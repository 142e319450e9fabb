package io.vgpio.fuzz;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.driver.GuestRam;
import io.vgpio.driver.VhostUserFrontend;
import io.vgpio.vhost.VhostUser;
import io.vgpio.vhost.VhostUserBackend;
import io.vgpio.virtio.VirtioGpioDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.UnixSockets;

/**
 * A vhost-user frontend session against the real backend over its UNIX socket: the message decoder and the
 * handshake state machine as QEMU reaches them, descriptors passed with SCM_RIGHTS included. Clean rejection: the
 * backend drops the connection or ignores the message. Crash: the connection thread fails with an exception (the
 * backend logs it as an error; an uncaught one kills the thread), or the backend does not notice the end of the
 * session within 5 s (its only frontend slot would stay taken and every later frontend be refused).
 *
 * <pre>
 * input   := message*
 * message := u8 request (mod 41: every known request and some unknown)  u8 flags (bits besides version 1)
 *            u16 payloadLength (mod 4097)  payload
 * </pre>
 *
 * SET_MEM_TABLE gets as many descriptors of a 64 KiB memfd as it lists regions, with each region's size and offset
 * folded into that file: a region past the end of its file (SIGBUS, issue 10 F5) is that fix's test, not this one's.
 * SET_VRING_KICK gets one eventfd, SET_VRING_CALL/ERR another, unless they set the no-descriptor bit.
 */
public final class VhostUserTarget {
    private static final int RAM = 1 << 16;
    private static final Backend BACKEND = new Backend();

    private VhostUserTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        BACKEND.session(data);
    }

    /** One backend for the whole run, as `vgpio serve` keeps one across frontends. */
    private static final class Backend {
        private final VhostUserBackend backend;
        private final GuestRam ram;
        private final int kick;
        private final int call;
        private volatile Throwable failure;

        Backend() {
            try {
                Path dir = Files.createTempDirectory("vgpio-fuzz");
                dir.toFile().deleteOnExit();
                Chip chip = new Chip(DeviceConfig.defaults(), new EventLog(1024));
                backend = new VhostUserBackend(dir.resolve("gpio.sock"), new VirtioGpioDevice(chip));
                watchFailures();
                backend.start();
                ram = new GuestRam(RAM);
                // Two, as QEMU passes: with one the backend's own call signals would come back to it as kicks.
                kick = EventFd.create(EventFd.EFD_NONBLOCK);
                call = EventFd.create(EventFd.EFD_NONBLOCK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The connection thread reports an unexpected exception as an error with its stack trace, and an Error
         * escapes it; both are what a crash looks like here. Warnings (rejected messages) are expected by the
         * thousand and not printed.
         */
        private void watchFailures() {
            Logger log = Logger.getLogger("io.vgpio.vhost");
            log.setUseParentHandlers(false);
            log.addHandler(new Handler() {
                @Override
                public void publish(LogRecord r) {
                    if (r.getLevel().intValue() >= Level.SEVERE.intValue() && r.getThrown() != null) {
                        failure = r.getThrown();
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> failure = e);
        }

        void session(byte[] data) throws Exception {
            try (VhostUserFrontend frontend = VhostUserFrontend.connect(backend.socketPath())) {
                // One round trip first, as QEMU starts: once it is answered the backend has accepted this session,
                // so awaitDisconnected() below waits for this session and not for one not accepted yet.
                frontend.send(VhostUser.GET_FEATURES, 0, null);
                try {
                    frontend.readReply(VhostUser.GET_FEATURES);
                } catch (IOException e) {
                    throw new AssertionError("a new frontend was not served: " + e.getMessage(), e);
                }
                ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                try {
                    while (in.remaining() >= 4) {
                        int request = (in.get() & 0xff) % 41;
                        int flags = in.get() & 0xfe;
                        byte[] payload = new byte[Math.min((in.getShort() & 0xffff) % 4097, in.remaining())];
                        in.get(payload);
                        frontend.send(request, flags, payload, descriptors(request, payload));
                    }
                } catch (NativeException e) {
                    // the backend dropped the connection (EPIPE, ECONNRESET): a clean rejection
                }
                UnixSockets.shutdown(frontend.socketFd());
                if (!backend.awaitDisconnected(5000)) {
                    throw new AssertionError("the backend did not notice the end of the session within 5 s;"
                            + " its threads:\n" + backendThreads());
                }
            }
            Throwable f = failure;
            if (f != null) {
                failure = null;
                throw new AssertionError("the connection thread failed: " + f, f);
            }
        }

        /** Where the backend's threads are, for a session it did not end: the crash report says why. */
        private static String backendThreads() {
            StringBuilder out = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                if (t.getName().contains("vhost") || t.getName().contains("vgpio")) {
                    out.append(t.getName()).append(" (").append(t.getState()).append(")\n");
                    for (StackTraceElement e : stack) {
                        out.append("\tat ").append(e).append('\n');
                    }
                }
            });
            return out.toString();
        }

        /** The descriptors a real frontend sends with this message; folds memory regions into the memfd. */
        private int[] descriptors(int request, byte[] payload) {
            ByteBuffer p = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            switch (request) {
                case VhostUser.SET_MEM_TABLE -> {
                    if (payload.length < 8) {
                        return new int[0];
                    }
                    int n = Math.floorMod(p.getInt(0), VhostUser.MAX_MEM_REGIONS + 1);
                    for (int i = 0; i < n && 8 + 32 * i + 32 <= payload.length; i++) {
                        int o = 8 + 32 * i;
                        long size = Math.floorMod(p.getLong(o + 8), RAM) + 1;
                        long offset = Math.floorMod(p.getLong(o + 24), RAM - size + 1) & ~0xfffL;
                        p.putLong(o + 8, size);
                        p.putLong(o + 24, offset);
                    }
                    int[] fds = new int[n];
                    Arrays.fill(fds, ram.fd());
                    return fds;
                }
                case VhostUser.SET_VRING_KICK, VhostUser.SET_VRING_CALL, VhostUser.SET_VRING_ERR -> {
                    boolean noFd = payload.length >= 8 && (p.getLong(0) & VhostUser.VRING_NOFD_MASK) != 0;
                    return noFd ? new int[0] : new int[] {request == VhostUser.SET_VRING_KICK ? kick : call};
                }
                default -> {
                    return new int[0];
                }
            }
        }
    }
}
