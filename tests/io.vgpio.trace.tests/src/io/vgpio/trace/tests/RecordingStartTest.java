package io.vgpio.trace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.ChipHistory;
import io.vgpio.core.DeviceState;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.core.payload.Level;
import io.vgpio.trace.TraceFormat;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceRecorder;
import io.vgpio.trace.VcdWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: a recording started in the middle of a session starts from the device's state then, at time 0. */
class RecordingStartTest {
    @Test
    @DisplayName("A trace recorded mid-session shows at its first instant the state the device had when recording"
            + " started: directions, outputs, inputs, IRQ types, held buffers, latched edges and the frontend")
    void trace_starts_with_the_state_at_record(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        d.setUpSession();
        List<LineState> before = d.chip.states();
        assertTrue(before.get(1).armed(), "the set-up armed line 1");
        assertTrue(before.get(4).latched(), "the set-up latched an edge on line 4");

        Path f = dir.resolve("mid.trc");
        d.recordings.start(f);
        d.chip.setInput(1, 1, Cause.USER); // delivers the held buffer's interrupt
        d.chip.setInput(5, 1, Cause.USER);
        List<LineState> after = d.chip.states();
        d.recordings.stop();

        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(TraceFormat.VERSION, t.version());
        DeviceState start = t.startState();
        assertNotNull(start, "a version-3 trace holds its start state");
        assertEquals(before, start.lines());
        assertTrue(start.frontendAttached());
        assertEquals(RecordedDevice.FEATURES, start.acceptedFeatures());
        assertEquals(List.of("3 active in gpiochip9:3: test binding"), start.bindings());

        ChipHistory h = ChipHistory.build(t.config(), t.log());
        ChipHistory.Snapshot first = h.at(0);
        assertEquals(before, first.states(), "scrubbed to time 0 the trace shows the state at Record");
        assertTrue(first.connected(), "the guest was attached when recording started");
        assertEquals(after, h.last().states(), "and its end the state at Stop");
        assertTrue(h.last().connected());
        assertEquals(new LineState(2, "RELAY", Direction.OUT, 1, 0, 1, IrqType.NONE, false, false),
                h.at(0).state(2), "line 2 set high before recording shows high");

        assertEquals(3, t.events(), "only what happened after Record is recorded");
        assertEquals(2, countOf(t, EventKind.LEVEL));
        assertEquals(1, countOf(t, EventKind.INTERRUPT));
        assertTrue(t.log().get(0).timeNanos() > 0, "times count from Record, and the first change came after it");
    }

    private static long countOf(TraceReader.Trace t, EventKind kind) {
        long[] n = {0};
        t.log().read(0, Integer.MAX_VALUE, (seq, time, k, line, a, b) -> n[0] += k == kind ? 1 : 0);
        return n[0];
    }

    @Test
    @DisplayName("A trace's duration is the recording's wall-clock time, not the device's uptime")
    void duration_is_the_recording_time(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        d.setUpSession();
        // The device ran a while before Record: that time must not count.
        long ranBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < ranBefore) {
            LockSupport.parkNanos(ranBefore - System.nanoTime());
        }
        Path f = dir.resolve("timed.trc");
        long t0 = System.nanoTime();
        d.recordings.start(f);
        long recorded = System.nanoTime();
        d.chip.setInput(6, 1, Cause.USER);
        // The wait is what is measured: the recording runs for about two seconds, with no event at its end.
        long until = recorded + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
        long inner = System.nanoTime() - recorded;
        d.recordings.stop();
        long outer = System.nanoTime() - t0;

        TraceReader.Trace t = TraceReader.read(f);
        long duration = t.durationNanos();
        assertTrue(duration >= inner && duration <= outer, "duration " + duration + " ns within the recording's "
                + inner + ".." + outer + " ns");
        // Within the bracket is the behaviour; how close to the outer time it lands (the issue asks for 1 %) depends on
        // how long starting and stopping took on this machine, so it is printed, not judged (no timing thresholds in
        // tests). A start and stop of a few ms put it near 0.1 % of two seconds.
        System.out.printf(java.util.Locale.ROOT, "FIGURE: trace duration vs the recording's wall-clock time: %.3f %%%n",
                100.0 * Math.abs(duration - outer) / outer);
        long wallStart = t.wallClockStartMicros() / 1000;
        long logWallStart = d.log.startWallMillis();
        assertTrue(wallStart >= logWallStart + 300, "the trace starts at Record, not when the device started");
    }

    @Test
    @DisplayName("No event is lost or doubled between the start state and the first recorded event, while an input"
            + " toggles as fast as it can during Record")
    void no_event_lost_or_doubled_at_record(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        d.setUpSession();
        // A bounded number of changes, so that the log's ring (65,536 events) holds them all.
        int toggles = 40_000;
        Thread toggler = new Thread(() -> {
            for (int i = 1; i <= toggles; i++) {
                d.chip.setInput(7, i & 1, Cause.USER);
            }
        });
        long seen = d.log.nextSeq();
        toggler.start();
        assertTrue(d.log.awaitSeq(seen + 1000, 10, TimeUnit.SECONDS), "the toggling runs");
        Path f = dir.resolve("racing.trc");
        TraceRecorder r = d.recordings.start(f);
        toggler.join();
        assertTrue(r.awaitFlushed(d.log.nextSeq(), 30, TimeUnit.SECONDS));
        d.recordings.stop();

        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(0, t.dropped());
        int level = t.startState().lines().get(7).level();
        for (long seq = 0; seq < t.events(); seq++) {
            var e = t.log().get(seq);
            if (e.kind() == EventKind.LEVEL && e.line() == 7) {
                int next = (int) Level.of(e).level();
                assertEquals(1 - level, next, "event " + seq + " changes line 7 from the level before it");
                level = next;
            }
        }
        assertEquals(d.chip.state(7).level(), level, "the recording ends where the chip did");
        assertEquals(d.chip.states(), ChipHistory.build(t.config(), t.log()).last().states());
    }

    @Test
    @DisplayName("A VCD of a mid-session trace starts with the levels at Record")
    void vcd_starts_with_the_levels_at_record(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        d.setUpSession();
        Path f = dir.resolve("vcd.trc");
        d.recordings.start(f);
        d.recordings.stop();
        TraceReader.Trace t = TraceReader.read(f);
        Path vcd = dir.resolve("out.vcd");
        VcdWriter.write(t.log(), t.config(), 0, t.wallClockStartMicros(), vcd);
        String text = Files.readString(vcd);
        String dump = text.substring(text.indexOf("$dumpvars\n") + 10, text.indexOf("$end", text.indexOf("$dumpvars")));
        StringBuilder want = new StringBuilder();
        for (LineState s : d.chip.states()) {
            String var = text.lines().filter(l -> l.startsWith("$var wire 1 ")
                    && l.endsWith(" " + VcdWriter.wireName(t.config(), s.line()) + " $end")).findFirst().orElseThrow();
            want.append(s.level()).append(var.split(" ")[3]).append('\n');
        }
        assertEquals(want.toString(), dump);
        assertTrue(dump.contains("\n1"), "some lines start high: " + dump);
        assertFalse(t.startState().lines().isEmpty());
    }
}
