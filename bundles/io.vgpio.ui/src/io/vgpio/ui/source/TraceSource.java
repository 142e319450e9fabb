package io.vgpio.ui.source;

import io.vgpio.core.ChipHistory;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Event;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.trace.TraceReader;
import io.vgpio.core.StimulusScheduler;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * A trace opened for offline analysis, as a read-only {@link DataSource}. Its log is on the recording's clock
 * (ns since the trace start); the chip's state is rebuilt by a {@link ChipHistory} at the <em>scrub time</em>,
 * which the schematic's scrubber, a selected traffic row or a test sets and the waveform shows as a cursor.
 */
public final class TraceSource implements DataSource {
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT).withZone(ZoneId.systemDefault());

    private final TraceReader.Trace trace;
    private final ChipHistory history;
    private final List<LongConsumer> scrubListeners = new CopyOnWriteArrayList<>();
    private volatile long scrubTime;
    private volatile ChipHistory.Snapshot shown;
    private volatile long version;
    private volatile long lastScrubNanos;

    /** Rebuilds the chip's history from the trace's log (one pass; a million events take some tens of ms). */
    public TraceSource(TraceReader.Trace trace) {
        this.trace = trace;
        this.history = ChipHistory.build(trace.config(), trace.log());
        this.shown = history.before(0);
    }

    public TraceReader.Trace trace() {
        return trace;
    }

    public ChipHistory history() {
        return history;
    }

    @Override
    public DeviceConfig config() {
        return trace.config();
    }

    @Override
    public EventLog log() {
        return trace.log();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public StimulusScheduler stimulus() {
        return null; // a trace is read-only
    }

    @Override
    public String name() {
        return trace.file().getFileName().toString();
    }

    /** Time of the last event, ns since the trace start. */
    public long durationNanos() {
        return trace.durationNanos();
    }

    /** A recording does not grow: its "now" is its end. */
    @Override
    public long now() {
        return durationNanos();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Trace %s (%.1f s, %,d events, %s) \u00b7 read-only", name(),
                durationNanos() / 1e9, trace.events(), WALL.format(wallClock(0)).substring(0, 19));
    }

    /** The wall-clock instant of a trace time (ns since the trace start). */
    public Instant wallClock(long timeNanos) {
        long micros = trace.wallClockStartMicros() + timeNanos / 1000;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }

    /** "yyyy-MM-dd HH:mm:ss.SSSSSS" in the local time zone. */
    public String wallClockText(long timeNanos) {
        return WALL.format(wallClock(timeNanos));
    }

    // ---- the scrub time ------------------------------------------------------------------------------------

    /** The time the chip's state is shown at, ns since the trace start. */
    @Override
    public long scrubTime() {
        return scrubTime;
    }

    /**
     * Moves the scrub time (clamped to the trace) and rebuilds the state there; listeners hear the new time on
     * this thread.
     */
    public void setScrubTime(long timeNanos) {
        long t = Math.max(0, Math.min(durationNanos(), timeNanos));
        long start = System.nanoTime();
        ChipHistory.Snapshot s = history.at(t);
        lastScrubNanos = System.nanoTime() - start;
        scrubTime = t;
        if (!s.equals(shown)) {
            shown = s;
        }
        version++;
        for (LongConsumer l : scrubListeners) {
            l.accept(t);
        }
    }

    /** How long the last {@link #setScrubTime} took to rebuild the state, in ns. */
    public long lastScrubNanos() {
        return lastScrubNanos;
    }

    /** The time of the first event after the scrub time, or the scrub time if there is none. */
    public long nextEventTime() {
        Event e = log().get(log().seqAtOrAfter(scrubTime + 1));
        return e == null ? scrubTime : e.timeNanos();
    }

    /** The time of the last event before the scrub time, or 0 if there is none. */
    public long previousEventTime() {
        Event e = log().get(log().seqAtOrAfter(scrubTime) - 1);
        return e == null ? 0 : e.timeNanos();
    }

    /** The number of events at or before the scrub time. */
    public long eventsUpToScrub() {
        return shown.seq();
    }

    public void addScrubListener(LongConsumer l) {
        scrubListeners.add(l);
    }

    public void removeScrubListener(LongConsumer l) {
        scrubListeners.remove(l);
    }

    // ---- the state at the scrub time -----------------------------------------------------------------------

    @Override
    public List<LineState> states() {
        return shown.states();
    }

    @Override
    public LineState state(int line) {
        return shown.state(line);
    }

    @Override
    public long stateVersion() {
        return version;
    }

    @Override
    public boolean guestAttached() {
        return shown.connected();
    }

    @Override
    public int lastLevel(int line) {
        return history.last().state(line).level();
    }
}
