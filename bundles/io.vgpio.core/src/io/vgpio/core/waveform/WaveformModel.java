package io.vgpio.core.waveform;

import io.vgpio.core.Direction;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventLog;
import io.vgpio.core.timeline.Timeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The waveform's state without any widget: which device, which lanes, which time window (following "now" or
 * paused), the two time cursors and the highlighted event. {@link #frame} asks the {@link Timeline} for the
 * visible window only, at one column per pixel. Times are on the event log's clock: monotonic nanoseconds for the
 * live device, nanoseconds since the start for a trace, whose "now" is its end ({@link #now()}) and which has
 * a scrub cursor.
 */
public final class WaveformModel {
    public static final long NONE = Long.MIN_VALUE;
    public static final long DEFAULT_SPAN = 2_000_000_000L;
    public static final long MIN_SPAN = 1_000L;
    public static final long MAX_SPAN = 3_600_000_000_000L;
    /** Events indexed per update at most, so one UI tick stays short even when a million are waiting. */
    private static final long MAX_INDEX_PER_UPDATE = 1 << 18;

    /** One frame: the window, and each visible lane as runs of columns; scrub is a trace's scrub time or NONE. */
    public record Frame(long t0, long t1, int columns, long origin, List<LaneData> lanes, long cursorA,
            long cursorB, long highlight, long scrub) {
        public LaneData lane(String key) {
            for (LaneData d : lanes) {
                if (d.lane().key().equals(key)) {
                    return d;
                }
            }
            return null;
        }

        /** Time of column c (may be fractional). */
        public double timeAt(double column) {
            return t0 + (t1 - t0) * column / Math.max(1, columns);
        }
    }

    private WaveformSource source;
    private Timeline timeline;
    private EventFormat format;
    private List<Lane> lanes = List.of();
    private final Set<String> hidden = new LinkedHashSet<>();
    private boolean follow = true;
    private long t0;
    private long span = DEFAULT_SPAN;
    private long liveSpan = DEFAULT_SPAN;
    private long cursorA = NONE;
    private long cursorB = NONE;
    private long highlight = NONE;
    private Frame last;

    /**
     * Binds to a source (or none): a fresh index of its log, one lane per line plus the virtqueue lanes. The live
     * device starts following now; a trace starts paused with the whole recording in the window.
     */
    public void bind(WaveformSource source) {
        boolean fromTrace = this.source != null && !this.source.isLive();
        if (!fromTrace) {
            liveSpan = span; // the window the user chose for the live device, back when the trace closes
        }
        this.source = source;
        if (source == null) {
            timeline = null;
            format = null;
            lanes = List.of();
        } else {
            timeline = new Timeline(source.log(), source.config().lines(), source::lastLevel, source.isLive());
            format = new EventFormat(source.config());
            lanes = List.copyOf(Lane.all(source.config()));
            if (source.isLive()) {
                if (fromTrace) {
                    follow = true;
                    span = liveSpan;
                }
                t0 = now() - span;
            } else {
                timeline.update();
                follow = false;
                long end = now();
                span = Math.max(MIN_SPAN, Math.min(MAX_SPAN, end + end / 50));
                t0 = -(span - end) / 2;
            }
        }
        cursorA = cursorB = highlight = NONE;
        last = null;
    }

    /** The source shown, or null. */
    public WaveformSource source() {
        return source;
    }

    /** "Now" on the log's clock: the monotonic clock for the live device (and when none is shown), a trace's end. */
    public long now() {
        return source == null ? System.nanoTime() : source.now();
    }

    public Timeline timeline() {
        return timeline;
    }

    public EventFormat format() {
        return format;
    }

    public EventLog log() {
        return source == null ? null : source.log();
    }

    /** Indexes what the log gained; true if it moved. */
    public boolean update() {
        return timeline != null && timeline.update(MAX_INDEX_PER_UPDATE) > 0;
    }

    /** Events still waiting to be indexed (a catch-up in progress). */
    public long backlog() {
        return timeline == null ? 0 : timeline.log().nextSeq() - timeline.indexedSeq();
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public List<Lane> visibleLanes() {
        List<Lane> v = new ArrayList<>();
        for (Lane l : lanes) {
            if (!hidden.contains(l.key())) {
                v.add(l);
            }
        }
        return v;
    }

    /**
     * The keys of the lanes with activity in the held log: lines that changed level at least once, marker lanes
     * with at least one event (the Lanes dialog's "With activity").
     */
    public Set<String> activeLanes() {
        Set<String> active = new LinkedHashSet<>();
        if (timeline == null) {
            return active;
        }
        long from = timeline.knownFrom();
        long to = Math.max(from + 1, timeline.lastTime() + 1);
        for (Lane l : lanes) {
            boolean busy = l.isLine() ? timeline.levels(l.line(), from, to, 1).transitions(0) > 0
                    : timeline.markers(l.kinds(), from, to, 1).total() > 0;
            if (busy) {
                active.add(l.key());
            }
        }
        return active;
    }

    public Set<String> hiddenKeys() {
        return Collections.unmodifiableSet(hidden);
    }

    public void setHidden(Set<String> keys) {
        hidden.clear();
        hidden.addAll(keys);
    }

    public boolean isFollowing() {
        return follow;
    }

    /** Follow-live (the window's right edge is now) or paused (the window stays where it is). */
    public void setFollowing(boolean on, long now) {
        if (follow && !on) {
            t0 = now - span; // freeze where it was
        }
        follow = on;
    }

    public long span() {
        return span;
    }

    public void setSpan(long s) {
        span = Math.max(MIN_SPAN, Math.min(MAX_SPAN, s));
    }

    public long windowStart(long now) {
        return follow ? now - span : t0;
    }

    /**
     * Zooms by {@code factor} (&lt; 1 in, &gt; 1 out) keeping time {@code anchor} at the same place on screen.
     * Following, the right edge stays at now.
     */
    public void zoom(double factor, long anchor, long now) {
        long oldStart = windowStart(now);
        long newSpan = Math.max(MIN_SPAN, Math.min(MAX_SPAN, Math.round(span * factor)));
        long start = deviceStart();
        if (factor > 1 && start != NONE) {
            // Zooming out stops at the device's start: there is nothing before it to see. A window that already
            // reaches further back (a fresh device in a 2 s window) is not widened, and not narrowed either.
            newSpan = Math.min(newSpan, Math.max(span, now - start));
        }
        if (!follow) {
            double frac = (anchor - oldStart) / (double) span;
            t0 = anchor - Math.round(frac * newSpan);
            if (factor > 1 && start != NONE) {
                t0 = Math.max(t0, Math.min(oldStart, start));
            }
        }
        span = newSpan;
    }

    /** When the shown device (or trace) started, on the log's clock; {@link #NONE} with no source. */
    public long deviceStart() {
        return source == null ? NONE : source.log().startNanos();
    }

    /** Moves the window by dt ns (pauses: the user took the window). */
    public void pan(long dt, long now) {
        setFollowing(false, now);
        t0 += dt;
    }

    /** The whole held log in the window, paused. */
    public void fit(long now) {
        if (timeline == null) {
            return;
        }
        setFollowing(false, now);
        long from = timeline.knownFrom();
        span = Math.max(MIN_SPAN, now - from);
        t0 = from;
    }

    /** Centres the window on t (paused). */
    public void centreOn(long t, long now) {
        setFollowing(false, now);
        t0 = t - span / 2;
    }

    /**
     * Cursors A and B on a span (a decoded transaction), centred in the window, paused; zoomed so that it fills
     * half the window when it is larger than that or smaller than a quarter of it.
     */
    public void showSpan(long start, long end, long now) {
        cursorA = start;
        cursorB = end;
        long length = Math.max(1, end - start);
        if (length * 2 > span || length * 4 < span) {
            setSpan(length * 2);
        }
        centreOn(start + length / 2, now);
    }

    public void setCursorA(long t) {
        cursorA = t;
    }

    public void setCursorB(long t) {
        cursorB = t;
    }

    public long cursorA() {
        return cursorA;
    }

    public long cursorB() {
        return cursorB;
    }

    public void setHighlight(long t) {
        highlight = t;
    }

    public long highlight() {
        return highlight;
    }

    /** Queries the visible window at {@code columns} columns. */
    public Frame frame(int columns, long now) {
        columns = Math.max(1, columns);
        long start = windowStart(now);
        long end = start + span;
        List<LaneData> data = new ArrayList<>();
        if (timeline != null) {
            for (Lane l : visibleLanes()) {
                if (l.isLine()) {
                    Direction d = source.state(l.line()).direction();
                    data.add(new LaneData(l, d, timeline.levels(l.line(), start, end, columns)));
                } else {
                    data.add(new LaneData(l, timeline.markers(l.kinds(), start, end, columns)));
                }
            }
        }
        long origin = source == null ? 0 : source.log().startNanos();
        long scrub = source == null ? NONE : source.scrubTime();
        last = new Frame(start, end, columns, origin, List.copyOf(data), cursorA, cursorB, highlight, scrub);
        return last;
    }

    /** The last frame made, or null. */
    public Frame lastFrame() {
        return last;
    }

    /** Decoded text of the event nearest to t in a lane, within tolerance ns, or null. */
    public String describeNear(Lane lane, long t, long tolerance) {
        if (timeline == null) {
            return null;
        }
        long seq = lane.isLine() ? timeline.levelEventNear(lane.line(), t, tolerance)
                : timeline.eventNear(lane.kinds(), t, tolerance);
        var e = seq < 0 ? null : source.log().get(seq);
        if (e == null) {
            return null;
        }
        return TimeText.seconds(e.timeNanos() - source.log().startNanos()) + "  #" + e.seq() + "\n"
                + format.describe(e);
    }
}
