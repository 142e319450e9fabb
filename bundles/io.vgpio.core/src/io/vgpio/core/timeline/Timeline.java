package io.vgpio.core.timeline;

import io.vgpio.core.DeviceState;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.payload.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The time-graph query views ask instead of walking raw events: "levels of line L in [t0, t1] at N pixel columns"
 * and "markers of kinds K in [t0, t1] at N columns". It keeps an index of the {@link EventLog} (one time-ordered
 * series of LEVEL events per line, one series per other event kind), built incrementally by {@link #update()} as
 * the log grows and pruned as the ring drops events, so a query costs O(columns x log(events)) whatever the number
 * of events in the window, and never touches the log's lock.
 *
 * <p>Level at t0: the last LEVEL event of the line before t0 in its series. Before the line's oldest indexed LEVEL
 * event, the level is the one its last pruned event set; when that is unknown (the index started after the ring had
 * already dropped events, or fell behind by more than the ring holds) the level before the oldest held LEVEL event
 * is the opposite of it (the log records a level only when it changes, so a line's LEVEL events alternate), and a
 * line with no held LEVEL event at all takes the fallback (its current level: it has not changed since).
 *
 * <p>Thread-safe (one monitor); meant to be updated and queried from one thread, the UI thread of a view.
 */
public final class Timeline {
    private static final int CHUNK = 1 << 16;
    private static final int UNKNOWN = -1;

    private final EventLog log;
    private final int lines;
    private final IntUnaryOperator fallbackLevel;
    private final Series[] levels;
    /** Level before the oldest entry of each line's series, or UNKNOWN. */
    private final int[] baseLevel;
    private final Map<EventKind, Series> markers = new EnumMap<>(EventKind.class);
    private long indexed;
    private long lost;
    /** Time before which nothing is known (the oldest held event, or the log's start). */
    private long knownFrom;
    private final Appender appender = new Appender();

    /**
     * @param lines the device's line count (LEVEL events of other lines are ignored)
     * @param fallbackLevel a line's current level, for a line whose level the held events cannot tell
     */
    public Timeline(EventLog log, int lines, IntUnaryOperator fallbackLevel) {
        this(log, lines, fallbackLevel, true);
    }

    /**
     * @param startsAtReset true if a log that has dropped nothing starts with the chip (every line low, as a live
     *     device's log does); false for a log that may start mid-way (a trace recorded from a running device), whose
     *     levels before a line's first LEVEL event are then taken as the opposite of it
     */
    public Timeline(EventLog log, int lines, IntUnaryOperator fallbackLevel, boolean startsAtReset) {
        this.log = log;
        this.lines = lines;
        this.fallbackLevel = fallbackLevel;
        levels = new Series[lines];
        baseLevel = new int[lines];
        for (int i = 0; i < lines; i++) {
            levels[i] = new Series();
        }
        for (EventKind k : EventKind.values()) {
            if (k != EventKind.LEVEL) {
                markers.put(k, new Series());
            }
        }
        // A log that has dropped nothing starts with every line low (the chip's initial state), or with the state
        // it carries (a trace recorded from a running device): the levels before any LEVEL event are known.
        indexed = log.firstSeq();
        java.util.Arrays.fill(baseLevel, indexed == 0 && startsAtReset ? 0 : UNKNOWN);
        DeviceState start = log.startState();
        if (indexed == 0 && start != null) {
            for (LineState s : start.lines()) {
                if (s.line() >= 0 && s.line() < lines) {
                    baseLevel[s.line()] = s.level() & 1;
                }
            }
        }
        knownFrom = log.startNanos();
    }

    public EventLog log() {
        return log;
    }

    public int lines() {
        return lines;
    }

    /**
     * Indexes the events appended since the last call (at most {@code maxEvents}, so that a caller on the UI
     * thread bounds its work), and forgets those the ring dropped.
     *
     * @return the number of events indexed
     */
    public synchronized long update(long maxEvents) {
        long end = log.nextSeq();
        if (end - indexed > maxEvents) {
            end = indexed + Math.max(0, maxEvents);
        }
        appender.count = 0;
        while (indexed < end) {
            appender.expected = indexed;
            long next = log.read(indexed, (int) Math.min(CHUNK, end - indexed), appender);
            if (next == indexed) {
                break;
            }
            indexed = next;
        }
        prune();
        return appender.count;
    }

    /** Indexes everything appended so far. */
    public long update() {
        return update(Long.MAX_VALUE);
    }

    /** Sequence number up to which the log is indexed. */
    public synchronized long indexedSeq() {
        return indexed;
    }

    /** Events appended that the index never saw because the ring dropped them first. */
    public synchronized long lost() {
        return lost;
    }

    /** The time before which the held events cannot tell the levels. */
    public synchronized long knownFrom() {
        return knownFrom;
    }

    /** Time of the newest indexed event, or the log's start when it has none. */
    public synchronized long lastTime() {
        long t = knownFrom;
        for (Series s : levels) {
            if (s.size() > 0) {
                t = Math.max(t, s.time(s.size() - 1));
            }
        }
        for (Series s : markers.values()) {
            if (s.size() > 0) {
                t = Math.max(t, s.time(s.size() - 1));
            }
        }
        return t;
    }

    private final class Appender implements EventLog.Reader {
        /** The sequence number a read should start at; -1 once its first event was seen. */
        long expected;
        long count;

        @Override
        public void accept(long seq, long timeNanos, EventKind kind, int line, long a, long b) {
            if (expected >= 0 && seq > expected) {
                gap(seq - expected); // only the first event of a read can reveal a gap
            }
            expected = -1;
            count++;
            if (kind == EventKind.LEVEL) {
                if (line >= 0 && line < lines) {
                    levels[line].add(timeNanos, seq << 1 | (Level.of(a, b).level() & 1));
                }
            } else {
                markers.get(kind).add(timeNanos, seq);
            }
        }
    }

    /** The ring dropped events before we indexed them: what we knew of the levels no longer holds. */
    private void gap(long missed) {
        lost += missed;
        for (int i = 0; i < lines; i++) {
            levels[i].clear();
            baseLevel[i] = UNKNOWN;
        }
        for (Series s : markers.values()) {
            s.clear();
        }
    }

    private void prune() {
        long first = log.firstSeq();
        if (first == 0) {
            return;
        }
        for (int i = 0; i < lines; i++) {
            Series s = levels[i];
            int n = 0;
            while (n < s.size() && s.tag(n) >>> 1 < first) {
                n++;
            }
            if (n > 0) {
                baseLevel[i] = (int) (s.tag(n - 1) & 1);
                s.dropFirst(n);
            }
        }
        for (Series s : markers.values()) {
            int n = 0;
            while (n < s.size() && s.tag(n) < first) {
                n++;
            }
            s.dropFirst(n);
        }
        long[] t = {knownFrom};
        log.read(first, 1, (seq, time, k, l, a, b) -> t[0] = time);
        knownFrom = t[0];
    }

    /** Start of column {@code c} of {@code n} over [t0, t1) (c = n gives t1). */
    static long boundary(long t0, long t1, int n, int c) {
        if (c <= 0) {
            return t0;
        }
        if (c >= n) {
            return t1;
        }
        return t0 + (long) ((double) (t1 - t0) * c / n);
    }

    private int levelBefore(int line, int index) {
        Series s = levels[line];
        if (index > 0) {
            return (int) (s.tag(index - 1) & 1);
        }
        if (baseLevel[line] != UNKNOWN) {
            return baseLevel[line];
        }
        if (s.size() > 0) {
            return 1 - (int) (s.tag(0) & 1);
        }
        return fallbackLevel.applyAsInt(line) & 1;
    }

    /** The level of a line at time t: that set by its last LEVEL event at or before t (-1 if unknown). */
    public synchronized int levelAt(int line, long t) {
        if (t < knownFrom) {
            return -1;
        }
        return levelBefore(line, levels[line].firstAtOrAfter(t + 1, 0));
    }

    /**
     * Levels of a line in [t0, t1) at {@code columns} pixel columns. Costs O(columns + changes-bearing columns x
     * log(events)), independent of how many events the window holds.
     */
    public synchronized LevelColumns levels(int line, long t0, long t1, int columns) {
        if (columns < 0 || t1 < t0) {
            throw new IllegalArgumentException("bad window [" + t0 + ", " + t1 + "] at " + columns + " columns");
        }
        LevelColumns out = new LevelColumns(line, t0, t1, columns);
        Series s = levels[line];
        int n = s.size();
        int i = s.firstAtOrAfter(t0, 0);
        int level = levelBefore(line, i);
        out.startLevel(t0 < knownFrom ? -1 : level);
        for (int c = 0; c < columns; c++) {
            long end = boundary(t0, t1, columns, c + 1);
            if (end <= knownFrom) {
                out.set(c, LevelColumns.UNKNOWN, 0);
                continue;
            }
            if (i >= n || s.time(i) >= end) {
                out.set(c, (byte) level, 0);
                continue;
            }
            // Most columns with changes hold one: look at the next entry before searching.
            int j = i + 1 >= n || s.time(i + 1) >= end ? i + 1 : s.firstAtOrAfter(end, i + 2);
            int min = level;
            int max = level;
            for (int k = i; k < j && min == max; k++) {
                int v = (int) (s.tag(k) & 1);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            level = (int) (s.tag(j - 1) & 1);
            out.set(c, min != max ? LevelColumns.BOTH : (byte) min, j - i);
            i = j;
        }
        return out;
    }

    /** Events of the given kinds (any but LEVEL) in [t0, t1) at {@code columns} pixel columns: count and first. */
    public synchronized MarkerColumns markers(Set<EventKind> kinds, long t0, long t1, int columns) {
        if (columns < 0 || t1 < t0) {
            throw new IllegalArgumentException("bad window [" + t0 + ", " + t1 + "] at " + columns + " columns");
        }
        MarkerColumns out = new MarkerColumns(Set.copyOf(kinds), t0, t1, columns);
        for (EventKind k : kinds) {
            Series s = markers.get(k);
            if (s == null) {
                continue;
            }
            int n = s.size();
            int i = s.firstAtOrAfter(t0, 0);
            for (int c = 0; c < columns && i < n; c++) {
                long end = boundary(t0, t1, columns, c + 1);
                if (s.time(i) >= end) {
                    continue;
                }
                int j = i + 1 >= n || s.time(i + 1) >= end ? i + 1 : s.firstAtOrAfter(end, i + 2);
                out.add(c, j - i, s.tag(i));
                i = j;
            }
        }
        return out;
    }

    /**
     * The sequence number of the LEVEL event of a line nearest to t within {@code tolerance} ns, or -1.
     * For tooltips.
     */
    public synchronized long levelEventNear(int line, long t, long tolerance) {
        Series s = levels[line];
        int i = nearestIndex(s, t, tolerance);
        return i < 0 ? -1 : s.tag(i) >>> 1;
    }

    /** The sequence number of the event of the given kinds nearest to t within {@code tolerance} ns, or -1. */
    public synchronized long eventNear(Set<EventKind> kinds, long t, long tolerance) {
        long best = -1;
        long bestD = Long.MAX_VALUE;
        for (EventKind k : kinds) {
            Series s = markers.get(k);
            int i = s == null ? -1 : nearestIndex(s, t, tolerance);
            if (i >= 0 && Math.abs(s.time(i) - t) < bestD) {
                bestD = Math.abs(s.time(i) - t);
                best = s.tag(i);
            }
        }
        return best;
    }

    private static int nearestIndex(Series s, long t, long tolerance) {
        int i = s.firstAtOrAfter(t, 0);
        int best = -1;
        long bestD = Long.MAX_VALUE;
        for (int c = i - 1; c <= i; c++) {
            if (c >= 0 && c < s.size()) {
                long d = Math.abs(s.time(c) - t);
                if (d <= tolerance && d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        return best;
    }

    /** Number of indexed events of a kind still held (LEVEL: of all lines). For status lines and tests. */
    public synchronized int count(EventKind kind) {
        if (kind == EventKind.LEVEL) {
            int n = 0;
            for (Series s : levels) {
                n += s.size();
            }
            return n;
        }
        return markers.get(kind).size();
    }
}
