package io.vgpio.trace;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventLog;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Records a running device: follows its event log from the moment it starts, and appends a block to the trace file
 * every {@link #FLUSH_MILLIS} ms, so {@code kill -9} loses at most about that much (the kernel keeps what was
 * written). Another thread forces the file to disk every {@link #SYNC_MILLIS} ms, which bounds what a crash of the
 * machine loses: an fsync can take 100 ms on a busy disk, and in the flushing thread it would delay the next flush
 * by as much. If the log's ring overruns the recorder, the gap is written into the trace as a count of dropped
 * events.
 *
 * <p>A recording of a running device starts from a {@link DeviceState} taken under the chip's monitor
 * ({@link io.vgpio.core.Chip#snapshot()}): the trace's header holds that state, its time zero is that moment, and
 * its first recorded event is the first one the state does not reflect, so nothing is lost or doubled between
 * them.
 */
public final class TraceRecorder implements AutoCloseable {
    public static final int FLUSH_MILLIS = 50;
    public static final int SYNC_MILLIS = 1000;
    private static final Logger LOG = System.getLogger("io.vgpio.trace");

    private final EventLog log;
    private final TraceWriter writer;
    private final Path file;
    private final Thread thread;
    private final Thread syncer;
    private final long startNanos;
    private static final long NOT_STOPPED = Long.MIN_VALUE;
    /** When close() was called: after it, the duration stays the recording's, not the time since Record. */
    private volatile long stoppedNanos = NOT_STOPPED;
    private volatile boolean stopping;
    private volatile IOException failure;
    private long next;
    /** Events before this sequence number are in the file (guarded by this). */
    private long flushed;

    /**
     * Starts recording everything the log gets from now on, on the log's clock and without a start state: for a log
     * that starts with the chip (then its reset state is the start state).
     */
    public TraceRecorder(Path file, DeviceConfig config, EventLog log) throws IOException {
        this(file, config, log, null);
    }

    /**
     * Starts recording from a state of the device: the events from {@code start.seq()} on, with times counted from
     * {@code start.timeNanos()}.
     *
     * @param start the device's state when the recording starts (see {@link io.vgpio.core.Chip#snapshot()}), or
     *        null to record from now on with the log's start as time zero and no start state
     */
    public TraceRecorder(Path file, DeviceConfig config, EventLog log, DeviceState start) throws IOException {
        this.log = log;
        this.file = file;
        this.startNanos = start == null ? log.startNanos() : start.timeNanos();
        long wallMicros = log.startWallMillis() * 1000 + (startNanos - log.startNanos()) / 1000;
        this.next = start == null ? log.nextSeq() : start.seq();
        this.writer = new TraceWriter(file, config, wallMicros, startNanos, start);
        this.flushed = next;
        thread = new Thread(() -> every(FLUSH_MILLIS, this::drain), "vgpio-trace-recorder");
        thread.setDaemon(true);
        thread.start();
        syncer = new Thread(() -> every(SYNC_MILLIS, this::force), "vgpio-trace-sync");
        syncer.setDaemon(true);
        syncer.start();
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
        long end = stoppedNanos;
        return (end != NOT_STOPPED ? end : System.nanoTime()) - startNanos;
    }

    /**
     * Runs action every period at a fixed rate (the time it takes does not widen what kill -9 loses) until closing,
     * or until it returns false. Parks rather than sleeps: close() must not interrupt these threads, because an
     * interrupt during a write or force() closes the file channel under the writer.
     */
    private void every(int millis, BooleanSupplier action) {
        long period = TimeUnit.MILLISECONDS.toNanos(millis);
        long due = System.nanoTime() + period;
        while (!stopping) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            due = Math.max(due + period, System.nanoTime());
            if (!action.getAsBoolean()) {
                return;
            }
        }
    }

    private boolean force() {
        try {
            writer.force(); // FileChannel.force runs beside the flushing thread's writes
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not force {0} to disk: {1}", file, e.getMessage());
        }
        return true;
    }

    /**
     * Waits until every event before {@code seq} is in the file (flushed, so a {@code kill -9} from now on keeps
     * it).
     *
     * @return false if that did not happen within the timeout (or the recording failed)
     */
    public synchronized boolean awaitFlushed(long seq, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (flushed < seq && failure == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return flushed >= seq;
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
            // Only what is there now: under a flood of events, catching up forever would postpone the flush.
            long until = log.nextSeq();
            while (next < until) {
                long before = next;
                next = log.read(next, (int) Math.min(65536, until - next), (seq, t, kind, line, a, b) -> {
                    if (err[0] == null) {
                        try {
                            // An event stamped before the start (a kernel edge time) is at the start.
                            writer.add(seq, Math.max(0, t - startNanos), kind, line, a, b);
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
            flushed = next;
            notifyAll();
            return true;
        } catch (IOException e) {
            failure = e;
            notifyAll();
            LOG.log(Level.ERROR, "recording to {0} stopped: {1}", file, e.getMessage());
            return false;
        }
    }

    /** The error that stopped the recording, or null. */
    public IOException failure() {
        return failure;
    }

    /** Writes what is left, with the time the recording stopped, and closes the file. */
    @Override
    public void close() throws IOException {
        long stopped = durationNanos();
        stoppedNanos = startNanos + stopped;
        stopping = true;
        // Unpark, never interrupt: an interrupt during a write or force() closes the file channel.
        LockSupport.unpark(thread);
        LockSupport.unpark(syncer);
        try {
            thread.join(5000);
            syncer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
        writer.endAt(stopped);
        writer.close();
        if (failure != null) {
            throw failure;
        }
    }
}
