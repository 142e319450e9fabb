package io.vgpio.core.timeline;

import io.vgpio.core.Cause;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.payload.Level;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * What a waveform view costs with a full log: 1,048,576 events on 8 lines (LEVEL changes and the six kinds of
 * virtqueue markers, ~1 us apart), indexed once, then the queries of one full-width frame (8 level lanes and 6
 * marker lanes at 1920 columns) over the whole log ("fit") and over a 1 ms window at its end ("follow").
 * Figures for {@code vgpio bench --models}; TimelinePerformanceTest checks that the frame counts right.
 */
public final class TimelineBenchmark {
    public static final int COLUMNS = 1920;
    public static final int LINES = 8;
    private static final Set<EventKind>[] LANES = lanes();

    @SuppressWarnings("unchecked")
    private static Set<EventKind>[] lanes() {
        return new Set[] {EnumSet.of(EventKind.REQUEST), EnumSet.of(EventKind.RESPONSE),
            EnumSet.of(EventKind.EVENT_BUFFER), EnumSet.of(EventKind.INTERRUPT), EnumSet.of(EventKind.BUFFER_INVALID),
            EnumSet.of(EventKind.RULE_VIOLATION, EventKind.CHAIN_ERROR)};
    }

    /** Figures in milliseconds. */
    public record Result(int events, double indexMs, double fitFrameMs, double fitWorstMs, double followFrameMs,
            long transitionsInFit) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%,d events: index built in %.1f ms; one 1920-column frame of %d level + %d marker lanes: "
                            + "whole log %.2f ms (median; worst %.2f ms, %,d transitions drawn), 1 ms window %.3f ms",
                    events, indexMs, LINES, LANES.length, fitFrameMs, fitWorstMs, transitionsInFit, followFrameMs);
        }
    }

    public static EventLog fill(int events) {
        EventLog log = new EventLog(EventLog.DEFAULT_CAPACITY);
        Random r = new Random(1);
        int[] level = new int[LINES];
        long t = log.startNanos();
        EventKind[] others = {EventKind.REQUEST, EventKind.RESPONSE, EventKind.EVENT_BUFFER, EventKind.INTERRUPT,
            EventKind.BUFFER_INVALID, EventKind.RULE_VIOLATION};
        for (int i = 0; i < events; i++) {
            t += 1 + r.nextInt(2000);
            int line = r.nextInt(LINES);
            if (r.nextInt(10) < 4) {
                level[line] ^= 1;
                log.append(t, line, new Level(level[line], Cause.USER));
            } else {
                log.append(t, others[r.nextInt(others.length)], line, 0, 1234);
            }
        }
        return log;
    }

    public static Result run(int events) {
        EventLog log = fill(events);
        long a = System.nanoTime();
        Timeline tl = new Timeline(log, LINES, l -> 0);
        tl.update();
        double indexMs = (System.nanoTime() - a) / 1e6;
        long t0 = log.get(log.firstSeq()).timeNanos();
        long t1 = tl.lastTime() + 1;
        double[] fit = new double[25];
        long transitions = 0;
        for (int rep = 0; rep < fit.length; rep++) {
            long s = System.nanoTime();
            transitions = frame(tl, t0, t1);
            fit[rep] = (System.nanoTime() - s) / 1e6;
        }
        double[] follow = new double[200];
        for (int rep = 0; rep < follow.length; rep++) {
            long s = System.nanoTime();
            frame(tl, t1 - 1_000_000, t1);
            follow[rep] = (System.nanoTime() - s) / 1e6;
        }
        java.util.Arrays.sort(fit);
        java.util.Arrays.sort(follow);
        return new Result(log.size(), indexMs, fit[fit.length / 2], fit[fit.length - 1], follow[follow.length / 2],
                transitions);
    }

    /** The queries one frame of the view makes; returns the level transitions the frame draws. */
    public static long frame(Timeline tl, long t0, long t1) {
        long n = 0;
        for (int line = 0; line < LINES; line++) {
            n += tl.levels(line, t0, t1, COLUMNS).totalTransitions();
        }
        for (Set<EventKind> k : LANES) {
            n += 0 * tl.markers(k, t0, t1, COLUMNS).total();
        }
        return n;
    }
}
