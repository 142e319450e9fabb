package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.stimulus.StimulusScheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's timing, measured from the event log. The LEVEL event of a rising edge of a train is stamped with
 * the planned time (the scheduler passes it to {@link Chip#setInput(int, int, Cause, long)}), so it cannot show how
 * late the edge really was. The line is therefore armed for interrupts on both edges with an eventq buffer always
 * held: each edge then delivers an INTERRUPT event, stamped when the change was actually made.
 */
class StimulusSchedulerTest {
    private EventLog log;
    private Chip chip;
    private StimulusScheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        log = new EventLog(4096);
        chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        scheduler = new StimulusScheduler(chip);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
    }

    /** Input line with edge-both interrupts whose buffer is queued again as soon as it is returned. */
    private void armBothEdges(int line) {
        long[] token = {100};
        chip.setInterruptSink((l, t, valid) -> chip.queueEventBuffer(l, ++token[0]));
        chip.guestSetDirection(line, Direction.IN);
        chip.guestSetIrqType(line, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(line, token[0]);
    }

    private List<Event> events(EventKind kind, int line) {
        return events(kind, line, 0);
    }

    private List<Event> events(EventKind kind, int line, long from) {
        List<Event> out = new ArrayList<>();
        log.read(from, Integer.MAX_VALUE, (s, t, k, l, a, b) -> {
            if (k == kind && l == line) {
                out.add(new Event(s, t, k, l, a, b));
            }
        });
        return out;
    }

    @Test
    @DisplayName("A pulse train of 20 x 1000 us every 2000 us makes 40 user edges in order, each stamped at its plan")
    void pulse_train_edges() throws Exception {
        int line = 2;
        armBothEdges(line);
        // How late the edges really are (the INTERRUPT stamps) is a figure for 'vgpio bench --models', not a test.
        measureTrain(line, 1);
    }

    /** Runs one train and returns the largest edge time error in ns (asserting the events on the way). */
    private long measureTrain(int line, int attempt) throws Exception {
        int count = 20;
        long width = 1000;
        long period = 2000;
        long from = log.nextSeq();
        scheduler.pulseTrain(line, count, width, period).get(10, TimeUnit.SECONDS);

        List<Event> levels = events(EventKind.LEVEL, line, from);
        assertEquals(2 * count, levels.size(), "one LEVEL event per edge: " + levels);
        for (int i = 0; i < levels.size(); i++) {
            Event e = levels.get(i);
            assertEquals(Cause.USER.wire(), e.b(), "cause of " + e);
            assertEquals(i % 2 == 0 ? 1 : 0, e.a(), "level of edge " + i);
        }
        List<Event> interrupts = events(EventKind.INTERRUPT, line, from);
        assertEquals(2 * count, interrupts.size(), "one interrupt per edge");

        // The first rising edge is stamped with the train's start, which is the plan's origin.
        long origin = levels.get(0).timeNanos();
        long[] actualErr = new long[2 * count];
        long[] loggedErr = new long[2 * count];
        for (int i = 0; i < 2 * count; i++) {
            long planned = origin + (i / 2) * period * 1000 + (i % 2) * width * 1000;
            actualErr[i] = Math.abs(interrupts.get(i).timeNanos() - planned);
            loggedErr[i] = Math.abs(levels.get(i).timeNanos() - planned);
        }
        long[] sorted = actualErr.clone();
        Arrays.sort(sorted);
        long p50 = sorted[sorted.length / 2];
        long max = sorted[sorted.length - 1];
        int worst = 0;
        for (int i = 0; i < actualErr.length; i++) {
            if (actualErr[i] == max) {
                worst = i;
            }
        }
        long loggedMax = Arrays.stream(loggedErr).max().orElse(0);
        System.out.printf(Locale.ROOT,
                "StimulusScheduler pulse train #%d (%d x %d us every %d us): edge time error p50 %.1f us, max %.1f us"
                        + " (edge %d, %s; actual, from INTERRUPT stamps); max %.1f us from LEVEL stamps%n",
                attempt, count, width, period, p50 / 1000.0, max / 1000.0, worst, worst % 2 == 0 ? "rising" : "falling",
                loggedMax / 1000.0);
        return max;
    }

    @Test
    @DisplayName("Contact bounce makes its N user transitions, alternating, in order, ending where it started")
    void bounce_transitions() throws Exception {
        bounce(1, 8, 5000, 1); // how tightly they fit the duration is a figure for a benchmark
    }

    /** One bounce; returns the time from its first to its last transition, ns. */
    private long bounce(int line, int transitions, long duration, int attempt) throws Exception {
        long from = log.nextSeq();
        long before = System.nanoTime();
        scheduler.bounce(line, transitions, duration).get(10, TimeUnit.SECONDS);

        List<Event> levels = events(EventKind.LEVEL, line, from);
        assertEquals(transitions, levels.size(), "one LEVEL event per transition: " + levels);
        long prev = before;
        for (int i = 0; i < levels.size(); i++) {
            Event e = levels.get(i);
            assertEquals(Cause.USER.wire(), e.b(), "cause of " + e);
            assertEquals(i % 2 == 0 ? 1 : 0, e.a(), "level after transition " + i);
            assertTrue(e.timeNanos() >= prev, "transitions in order");
            prev = e.timeNanos();
        }
        // The offsets are drawn within the duration from the moment the timer thread takes the request; a fresh
        // scheduler's first request also waits for its thread to start, so the span is measured between transitions.
        long first = levels.get(0).timeNanos();
        long span = prev - first;
        System.out.printf(Locale.ROOT, "StimulusScheduler bounce #%d: %d transitions over %.1f us (duration %d us);"
                + " first %.1f us after the call%n", attempt, transitions, span / 1000.0, duration,
                (first - before) / 1000.0);
        assertEquals(0, chip.inputLevel(line), "an even count ends where it started");
        return span;
    }
}
