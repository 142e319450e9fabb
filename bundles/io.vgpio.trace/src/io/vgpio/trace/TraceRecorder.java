package io.vgpio.trace;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Records a running device: follows its event log from the moment it starts, and appends a block to the trace file
 * every {@link #FLUSH_MILLIS} ms, so a crash or {@code kill -9} loses at most about a second. If the log's ring
 * overruns the recorder, the gap is written into the trace as a count of dropped events.
 */
public final class TraceRecorder implements AutoCloseable {
    public static final int FLUSH_MILLIS = 1000;
    private static final Logger LOG = System.getLogger("io.vgpio.trace");

    private final EventLog log;
    private final TraceWriter writer;
    private final Path file;
    private final Thread thread;
    private final long startNanos;
    private volatile boolean stopping;
    private volatile IOException failure;
    private long next;

    /** Starts recording everything the log gets from now on. */
    public TraceRecorder(Path file, DeviceConfig config, EventLog log) throws IOException {
        this.log = log;
        this.file = file;
        this.startNanos = log.startNanos();
        this.writer = new TraceWriter(file, config,
                log.startWallMillis() * 1000, startNanos);
        this.next = log.nextSeq();
        thread = new Thread(this::run, "vgpio-trace-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    public Path file() {
        return file;
    }

    /** Bytes written to the file so far. */
    public long bytes() {
        return writer.bytes();
    }

    public long events() {
        return writer.events();
    }

    /** Time recorded so far, in ns. */
    public long durationNanos() {
        return System.nanoTime() - startNanos;
    }

    private void run() {
        while (!stopping) {
            try {
                Thread.sleep(FLUSH_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            if (!drain()) {
                return;
            }
        }
    }

    private synchronized boolean drain() {
        try {
            long first = log.firstSeq();
            if (first > next) {
                writer.addDropped(Math.max(0, log.get(first) == null ? 0 : log.get(first).timeNanos() - startNanos),
                        first - next);
                LOG.log(Level.WARNING, "{0} events were lost to the recording: the event log overran it",
                        first - next);
                next = first;
            }
            IOException[] err = new IOException[1];
            while (true) {
                long before = next;
                next = log.read(next, 65536, (seq, t, kind, line, a, b) -> {
                    if (err[0] == null) {
                        try {
                            writer.add(seq, t - startNanos, kind, line, a, b);
                        } catch (IOException e) {
                            err[0] = e;
                        }
                    }
                });
                if (err[0] != null) {
                    throw err[0];
                }
                if (next == before) {
                    break;
                }
            }
            writer.flush();
            return true;
        } catch (IOException e) {
            failure = e;
            LOG.log(Level.ERROR, "recording to {0} stopped: {1}", file, e.getMessage());
            return false;
        }
    }

    /** The error that stopped the recording, or null. */
    public IOException failure() {
        return failure;
    }

    /** Writes what is left and closes the file. */
    @Override
    public void close() throws IOException {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
        writer.close();
        if (failure != null) {
            throw failure;
        }
    }
}
