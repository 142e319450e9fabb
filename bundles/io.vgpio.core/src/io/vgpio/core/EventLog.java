package io.vgpio.core;

import io.vgpio.core.payload.EventPayload;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only log of everything the device did, kept in a bounded ring of primitive records (32 bytes an event,
 * one long[] row-major, so an append touches one cache line). When the ring is full the oldest events are dropped
 * and counted. Appends and reads are thread-safe; readers copy events out and never hold the appenders' lock while
 * they look at them.
 * Readers address events by sequence number, so a reader that fell behind learns exactly what it missed.
 */
public final class EventLog {
    /** Default capacity: one million events, 32 MB. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    private final int capacity;
    /** Record i: [4i] time, [4i+1] a, [4i+2] b, [4i+3] line &lt;&lt; 8 | kind. */
    private final long[] rows;
    private final long startNanos;
    private final long startWallMillis;
    private final DeviceState startState;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private long next; // seq of the next event
    private int waiters;
    /** Copy-on-write, so an append reads it without a lock; empty for most logs (a trace's, a benchmark's). */
    private volatile Observer[] observers = new Observer[0];
    private final Object observerLock = new Object();

    /**
     * Hears every event as it is appended, on the appending thread, after the log's lock is released but before
     * {@code append} returns: an appender that holds the chip's monitor still holds it, so an observer sees events
     * in the chip's order and can act before the appender goes on (a breakpoint holds the request that hit it).
     * Keep it short; it may append itself (it hears that event too).
     */
    @FunctionalInterface
    public interface Observer {
        void appended(long seq, EventKind kind, int line, long a, long b);
    }

    /** Adds an observer of every later append. */
    public void addObserver(Observer o) {
        synchronized (observerLock) {
            Observer[] now = Arrays.copyOf(observers, observers.length + 1);
            now[now.length - 1] = o;
            observers = now;
        }
    }

    /** Removes an observer added before. */
    public void removeObserver(Observer o) {
        synchronized (observerLock) {
            observers = Arrays.stream(observers).filter(x -> x != o).toArray(Observer[]::new);
        }
    }

    public EventLog() {
        this(DEFAULT_CAPACITY);
    }

    public EventLog(int capacity) {
        this(capacity, System.nanoTime(), System.currentTimeMillis());
    }

    /**
     * A log whose clock starts at given values: a trace read from a file uses 0 and the recording's wall-clock
     * start, so its events keep their recorded times.
     */
    public EventLog(int capacity, long startNanos, long startWallMillis) {
        this(capacity, startNanos, startWallMillis, null);
    }

    /**
     * A log that starts in the middle of a device's session (a trace recorded from a running device): the
     * {@code startState} is the device's state before its first event, which readers such as {@link ChipHistory}
     * start from.
     *
     * @param startState the state before the first event, or null for a log that starts with the chip
     */
    public EventLog(int capacity, long startNanos, long startWallMillis, DeviceState startState) {
        this.startState = startState;
        if (capacity < 1) {
            throw new IllegalArgumentException("event log capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        rows = new long[Math.multiplyExact(capacity, 4)];
        this.startNanos = startNanos;
        this.startWallMillis = startWallMillis;
    }

    /**
     * The device's state before this log's first event, or null when the log starts with the chip (every line in
     * its reset state).
     */
    public DeviceState startState() {
        return startState;
    }

    public int capacity() {
        return capacity;
    }

    /** Monotonic time the log was made; event times are on the same clock. */
    public long startNanos() {
        return startNanos;
    }

    /** Wall-clock time (ms since the epoch) matching {@link #startNanos()}. */
    public long startWallMillis() {
        return startWallMillis;
    }

    /** Appends an event stamped now, and returns its sequence number. */
    public long append(EventKind kind, int line, long a, long b) {
        return append(System.nanoTime(), kind, line, a, b);
    }

    /** Appends an event stamped now, packed by its payload's record, and returns its sequence number. */
    public long append(int line, EventPayload payload) {
        return append(System.nanoTime(), line, payload);
    }

    /** Appends an event packed by its payload's record, with a given monotonic timestamp. */
    public long append(long timeNanos, int line, EventPayload payload) {
        return append(timeNanos, payload.kind(), line, payload.a(), payload.b());
    }

    /** Appends an event with a given monotonic timestamp (must not be earlier than the last one's). */
    public long append(long timeNanos, EventKind kind, int line, long a, long b) {
        long seq = store(timeNanos, kind, line, a, b);
        for (Observer o : observers) {
            o.appended(seq, kind, line, a, b);
        }
        return seq;
    }

    private long store(long timeNanos, EventKind kind, int line, long a, long b) {
        lock.lock();
        try {
            long seq = next;
            int r = (int) (seq % capacity) * 4;
            if (seq > 0) {
                long last = rows[(int) ((seq - 1) % capacity) * 4];
                if (timeNanos < last) {
                    timeNanos = last; // keep the log monotonic even if a caller stamped early
                }
            }
            rows[r] = timeNanos;
            rows[r + 1] = a;
            rows[r + 2] = b;
            rows[r + 3] = (long) line << 8 | kind.ordinal();
            next = seq + 1;
            if (waiters > 0) {
                appended.signalAll();
            }
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** Sequence number the next event will get (= number of events ever appended). */
    public long nextSeq() {
        lock.lock();
        try {
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Sequence number of the oldest event still held. */
    public long firstSeq() {
        lock.lock();
        try {
            return Math.max(0, next - capacity);
        } finally {
            lock.unlock();
        }
    }

    /** Number of events dropped because the ring was full. */
    public long dropped() {
        return firstSeq();
    }

    /** Number of events held. */
    public int size() {
        lock.lock();
        try {
            return (int) Math.min(next, capacity);
        } finally {
            lock.unlock();
        }
    }

    /** The event with this sequence number, or null if it was dropped or does not exist yet. */
    public Event get(long seq) {
        lock.lock();
        try {
            if (seq < Math.max(0, next - capacity) || seq >= next) {
                return null;
            }
            return at(seq);
        } finally {
            lock.unlock();
        }
    }

    private Event at(long seq) {
        int r = (int) (seq % capacity) * 4;
        return new Event(seq, rows[r], kindOf(rows[r + 3]), lineOf(rows[r + 3]), rows[r + 1], rows[r + 2]);
    }

    private static EventKind kindOf(long packed) {
        return EventKind.fromOrdinal((int) (packed & 0xff));
    }

    private static int lineOf(long packed) {
        return (int) (packed >> 8);
    }

    /** Receives events from {@link #read}. */
    @FunctionalInterface
    public interface Reader {
        void accept(long seq, long timeNanos, EventKind kind, int line, long a, long b);
    }

    /** Events copied per lock hold by {@link #read} and {@link #snapshot}: 32 KiB, a few microseconds. */
    static final int CHUNK = 1024;

    /**
     * Passes up to {@code max} events from {@code fromSeq} on (or from the oldest held, if {@code fromSeq} was
     * dropped) to the reader. The events are copied out in chunks under the log's lock and passed to the reader
     * outside it, so a slow or blocked reader never delays an append (the guest's requests append). If the ring
     * drops events while the reader is busy with an earlier chunk, the reading goes on from the oldest event
     * held: the reader sees the gap in the sequence numbers.
     *
     * @return the sequence number after the last event passed
     */
    public long read(long fromSeq, int max, Reader reader) {
        if (max <= 0) {
            return Math.max(fromSeq, firstSeq());
        }
        long seq = fromSeq;
        long left = Math.max(0, max);
        long[] chunk = null;
        while (left > 0) {
            Snapshot s = copy(seq, (int) Math.min(left, CHUNK), chunk);
            if (s.count() == 0) {
                return s.firstSeq();
            }
            chunk = s.rows;
            s.forEach(reader);
            seq = s.nextSeq();
            left -= s.count();
        }
        return seq;
    }

    /**
     * A copy of up to {@code max} events from {@code fromSeq} on (or from the oldest held): a reader that formats
     * or writes them somewhere slow holds no lock meanwhile. The copy is contiguous; it stops early when the ring
     * dropped the next event while an earlier chunk was being copied.
     */
    public Snapshot snapshot(long fromSeq, int max) {
        long seq = Math.max(fromSeq, firstSeq());
        int wanted = (int) Math.max(0, Math.min(max, nextSeq() - seq));
        long[] all = new long[wanted * 4];
        int count = 0;
        long first = seq;
        long[] chunk = new long[Math.min(wanted, CHUNK) * 4];
        while (count < wanted) {
            Snapshot s = copy(seq, Math.min(wanted - count, CHUNK), chunk);
            if (s.count() == 0 || (count > 0 && s.firstSeq() != seq)) {
                break; // nothing more, or the next event was dropped meanwhile: keep the copy contiguous
            }
            if (count == 0) {
                first = s.firstSeq();
            }
            System.arraycopy(s.rows, 0, all, count * 4, s.count() * 4);
            count += s.count();
            seq = s.nextSeq();
        }
        return new Snapshot(first, count, count * 4 == all.length ? all : Arrays.copyOf(all, count * 4));
    }

    /** One lock hold: copies up to {@code max} (at most CHUNK) events into {@code buffer} (or a new array). */
    private Snapshot copy(long fromSeq, int max, long[] buffer) {
        lock.lock();
        try {
            long seq = Math.max(fromSeq, Math.max(0, next - capacity));
            int n = (int) Math.max(0, Math.min(next - seq, max));
            long[] out = buffer != null && buffer.length >= n * 4 ? buffer : new long[n * 4];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows, (int) ((seq + i) % capacity) * 4, out, i * 4, 4);
            }
            return new Snapshot(seq, n, out);
        } finally {
            lock.unlock();
        }
    }

    /** Events copied out of the log: sequence numbers {@code firstSeq} to {@code nextSeq() - 1}. */
    public static final class Snapshot {
        private final long firstSeq;
        private final int count;
        private final long[] rows;

        Snapshot(long firstSeq, int count, long[] rows) {
            this.firstSeq = firstSeq;
            this.count = count;
            this.rows = rows;
        }

        public long firstSeq() {
            return firstSeq;
        }

        public int count() {
            return count;
        }

        /** The sequence number after the last event copied. */
        public long nextSeq() {
            return firstSeq + count;
        }

        /** Passes the events to the reader, in order, from {@code from} (an index into the copy) on. */
        public void forEach(int from, int to, Reader reader) {
            for (int i = from; i < to; i++) {
                int r = i * 4;
                reader.accept(firstSeq + i, rows[r], kindOf(rows[r + 3]), lineOf(rows[r + 3]), rows[r + 1],
                        rows[r + 2]);
            }
        }

        public void forEach(Reader reader) {
            forEach(0, count, reader);
        }
    }

    /**
     * Waits until an event with a sequence number at or beyond {@code seq} exists.
     *
     * @return true if there is one, false on timeout
     */
    public boolean awaitSeq(long seq, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            waiters++;
            try {
                while (next <= seq) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = appended.awaitNanos(nanos);
                }
                return true;
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sequence number of the first held event at or after {@code timeNanos} (binary search), or nextSeq(). */
    public long seqAtOrAfter(long timeNanos) {
        lock.lock();
        try {
            long lo = Math.max(0, next - capacity);
            long hi = next;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (rows[(int) (mid % capacity) * 4] < timeNanos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        } finally {
            lock.unlock();
        }
    }
}
