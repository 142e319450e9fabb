package io.vgpio.core.tests.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.timeline.LevelColumns;
import io.vgpio.core.timeline.MarkerColumns;
import io.vgpio.core.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final long US = 1000;

    /** A line change at {@code t} ns after the log's start. */
    private static void level(EventLog log, long t, int line, int level) {
        log.append(log.startNanos() + t, EventKind.LEVEL, line, level, Cause.USER.wire());
    }

    private static void marker(EventLog log, long t, EventKind kind, int line) {
        log.append(log.startNanos() + t, kind, line, 0, 0);
    }

    private static String states(LevelColumns c) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.columns(); i++) {
            b.append("LHB?".charAt(c.state(i)));
        }
        return b.toString();
    }

    @Test
    @DisplayName("Each column shows the level it held; a change shows both levels in its column")
    void columns_follow_the_level() {
        EventLog log = new EventLog(100);
        level(log, 25 * US, 0, 1);
        level(log, 55 * US, 0, 0);
        Timeline tl = new Timeline(log, 2, l -> 0);
        tl.update();
        long s = log.startNanos();
        LevelColumns c = tl.levels(0, s, s + 100 * US, 10);
        assertEquals("LLBHHBLLLL", states(c));
        assertEquals(0, c.startLevel());
        assertEquals(2, c.totalTransitions());
        assertEquals("LLLLLLLLLL", states(tl.levels(1, s, s + 100 * US, 10)), "a line never changed stays low");
    }

    @Test
    @DisplayName("A burst of transitions inside one column draws as one filled column with its count")
    void burst_in_one_column() {
        EventLog log = new EventLog(1000);
        for (int i = 0; i < 101; i++) {
            level(log, 40 * US + i * 10, 3, (i + 1) % 2);
        }
        Timeline tl = new Timeline(log, 4, l -> 0);
        tl.update();
        long s = log.startNanos();
        LevelColumns c = tl.levels(3, s, s + 100 * US, 10);
        assertEquals("LLLLBHHHHH", states(c));
        assertEquals(101, c.transitions(4));
        assertEquals(0, c.min(4));
        assertEquals(1, c.max(4));
    }

    @Test
    @DisplayName("The level at t0 is the one set by the last change before t0, however long before")
    void level_at_t0_from_before_the_window() {
        EventLog log = new EventLog(10_000);
        level(log, 1 * US, 0, 1);
        for (int i = 0; i < 5000; i++) {
            marker(log, 2 * US + i, EventKind.REQUEST, 1);
        }
        Timeline tl = new Timeline(log, 1, l -> 0);
        tl.update();
        long s = log.startNanos();
        LevelColumns c = tl.levels(0, s + 1_000 * US, s + 2_000 * US, 4);
        assertEquals(1, c.startLevel());
        assertEquals("HHHH", states(c));
        assertEquals(1, tl.levelAt(0, s + 1 * US), "a change counts from its own time on");
        assertEquals(0, tl.levelAt(0, s + 1 * US - 1));
    }

    @Test
    @DisplayName("Markers are counted per column, several kinds merged, with the first event of each column")
    void markers_per_column() {
        EventLog log = new EventLog(100);
        long r1 = log.append(log.startNanos() + 5 * US, EventKind.REQUEST, 0, 0, 0);
        long p1 = log.append(log.startNanos() + 7 * US, EventKind.RESPONSE, 0, 0, 2 * US);
        marker(log, 8 * US, EventKind.INTERRUPT, 2);
        long r2 = log.append(log.startNanos() + 35 * US, EventKind.REQUEST, 0, 0, 0);
        Timeline tl = new Timeline(log, 4, l -> 0);
        tl.update();
        long s = log.startNanos();
        MarkerColumns m = tl.markers(EnumSet.of(EventKind.REQUEST, EventKind.RESPONSE), s, s + 40 * US, 4);
        assertArrayEquals(new int[] {2, 0, 0, 1}, new int[] {m.count(0), m.count(1), m.count(2), m.count(3)});
        assertEquals(r1, m.firstSeq(0));
        assertEquals(-1, m.firstSeq(1));
        assertEquals(r2, m.firstSeq(3));
        assertEquals(3, m.total());
        assertEquals(p1, tl.eventNear(Set.of(EventKind.RESPONSE), s + 6 * US, 2 * US));
        assertEquals(-1, tl.eventNear(Set.of(EventKind.RESPONSE), s + 20 * US, 2 * US));
    }

    @Test
    @DisplayName("Updates are incremental: events appended later appear in later queries")
    void incremental() {
        EventLog log = new EventLog(100);
        Timeline tl = new Timeline(log, 1, l -> 0);
        long s = log.startNanos();
        level(log, 10 * US, 0, 1);
        assertEquals(1, tl.update());
        level(log, 30 * US, 0, 0);
        assertEquals("LBHHH", states(tl.levels(0, s, s + 50 * US, 5)), "not indexed yet: stays high");
        assertEquals(1, tl.update());
        assertEquals("LBHBL", states(tl.levels(0, s, s + 50 * US, 5)));
        assertEquals(0, tl.update());
    }

    @Test
    @DisplayName("When the ring drops events, the level they set is kept and columns before the oldest held event are unknown")
    void ring_drops_keep_the_level() {
        EventLog log = new EventLog(10);
        Timeline tl = new Timeline(log, 2, l -> 0);
        level(log, 1 * US, 0, 1); // dropped later, but its level holds on
        tl.update();
        for (int i = 0; i < 20; i++) {
            marker(log, (10 + i) * US, EventKind.REQUEST, 1);
            tl.update();
        }
        long s = log.startNanos();
        assertEquals(11, log.firstSeq(), "11 events dropped");
        assertEquals(s + 20 * US, tl.knownFrom());
        LevelColumns c = tl.levels(0, s, s + 40 * US, 4);
        assertEquals("??HH", states(c));
        assertEquals(-1, c.startLevel());
        assertEquals(10, tl.count(EventKind.REQUEST), "markers pruned with the log");
        assertEquals(0, tl.lost());
    }

    @Test
    @DisplayName("An index that fell behind the ring counts what it lost and infers the level from the alternation")
    void index_behind_the_ring() {
        EventLog log = new EventLog(10);
        Timeline tl = new Timeline(log, 2, l -> 1);
        for (int i = 0; i < 30; i++) {
            level(log, i * US, 0, (i + 1) % 2); // 1, 0, 1, ...: the last (i = 29) sets 0
        }
        tl.update();
        assertEquals(20, tl.lost());
        long s = log.startNanos();
        LevelColumns c = tl.levels(0, s + 20 * US, s + 30 * US, 10);
        // Held: i = 20..29 setting 1,0,1,...,0; before i = 20 (which set 1) the level was 0.
        assertEquals(0, c.startLevel());
        assertEquals(-1, tl.levelAt(0, s + 20 * US - 1), "before the oldest held event nothing is known");
        assertEquals("BBBBBBBBBB", states(c));
        assertEquals(1, tl.levelAt(1, s + 25 * US), "a line with no held change takes the fallback (its level now)");
    }

    @Test
    @DisplayName("Column levels and marker counts equal a brute-force scan of the true history, for random logs")
    void matches_brute_force() {
        Random r = new Random(42);
        for (int round = 0; round < 60; round++) {
            EventLog log = new EventLog(1 + r.nextInt(400));
            int[] lvl = new int[3];
            Timeline tl = new Timeline(log, 3, l -> lvl[l]);
            List<long[]> history = new ArrayList<>(); // {time, line, level, seq} of every change ever made
            List<long[]> requests = new ArrayList<>(); // {time, seq}
            long t = 0;
            int events = r.nextInt(600);
            for (int i = 0; i < events; i++) {
                t += r.nextInt(3) == 0 ? 0 : r.nextInt(2000);
                int line = r.nextInt(3);
                if (r.nextBoolean()) {
                    lvl[line] ^= 1;
                    long seq = log.append(log.startNanos() + t, EventKind.LEVEL, line, lvl[line], 0);
                    history.add(new long[] {log.startNanos() + t, line, lvl[line], seq});
                } else {
                    long seq = log.append(log.startNanos() + t, EventKind.REQUEST, line, 0, 0);
                    requests.add(new long[] {log.startNanos() + t, seq});
                }
                if (r.nextInt(50) == 0) {
                    tl.update();
                }
            }
            tl.update();
            long s = log.startNanos();
            long heldFrom = log.size() == 0 ? s : log.get(log.firstSeq()).timeNanos();
            for (int q = 0; q < 20; q++) {
                long t0 = s + r.nextInt((int) Math.max(1, t + 1));
                long t1 = t0 + 1 + r.nextInt((int) Math.max(1, t + 1));
                int cols = 1 + r.nextInt(300);
                int line = r.nextInt(3);
                String where = "round " + round + " line " + line + " [" + t0 + "," + t1 + ") x" + cols;
                assertEquals(brute(history, line, t0, t1, cols, log.firstSeq() == 0 ? s : heldFrom, log.firstSeq()),
                        states(tl.levels(line, t0, t1, cols)), where);
                long inWindow = requests.stream()
                        .filter(x -> x[0] >= t0 && x[0] < t1 && x[1] >= log.firstSeq()).count();
                assertEquals(inWindow, tl.markers(Set.of(EventKind.REQUEST), t0, t1, cols).total(), where);
            }
        }
    }

    /** Dropped changes (seq &lt; firstHeld) are only seen through the level they left. */
    private static String brute(List<long[]> history, int line, long t0, long t1, int cols, long knownFrom,
            long firstHeld) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            long a = t0 + (long) ((double) (t1 - t0) * c / cols);
            long e = c + 1 == cols ? t1 : t0 + (long) ((double) (t1 - t0) * (c + 1) / cols);
            if (e <= knownFrom) {
                b.append('?');
                continue;
            }
            int lo = 0;
            for (long[] h : history) {
                if (h[1] == line && (h[0] < a || h[3] < firstHeld)) {
                    lo = (int) h[2];
                }
            }
            int hi = lo;
            for (long[] h : history) {
                if (h[1] == line && h[0] >= a && h[0] < e && h[3] >= firstHeld) {
                    lo = Math.min(lo, (int) h[2]);
                    hi = Math.max(hi, (int) h[2]);
                }
            }
            b.append(lo != hi ? 'B' : lo == 1 ? 'H' : 'L');
        }
        return b.toString();
    }

    @Test
    @DisplayName("Bad windows are refused with the window in the message")
    void bad_window() {
        Timeline tl = new Timeline(new EventLog(4), 1, l -> 0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> tl.levels(0, 10, 5, 3));
        assertTrue(e.getMessage().contains("[10, 5]"), e.getMessage());
    }
}
