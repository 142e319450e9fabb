package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.ChipHistory;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chip's state rebuilt from its event log equals what the live chip had at that moment. */
class ChipHistoryTest {
    private static final IrqType[] TYPES = IrqType.values();
    private static final Direction[] DIRS = Direction.values();

    /** What the log tells exactly: the other side of a pin is not logged (see ChipHistory). */
    private static String exact(LineState s) {
        String side = s.direction() == Direction.OUT ? "out=" + s.outputValue() : "in=" + s.inputLevel();
        return s.line() + " " + s.name() + " " + s.direction() + " level=" + s.level() + " " + side + " "
                + s.irqType() + (s.armed() ? " armed" : "") + (s.latched() ? " latched" : "");
    }

    private static List<String> exact(List<LineState> states) {
        return states.stream().map(ChipHistoryTest::exact).toList();
    }

    /** One random thing a guest, a user or a frontend does; tokens are counted so duplicates happen too. */
    private static void randomStep(Chip chip, Random rnd, long[] token) {
        int line = rnd.nextInt(chip.lineCount());
        switch (rnd.nextInt(10)) {
            case 0 -> chip.guestSetDirection(line, DIRS[rnd.nextInt(DIRS.length)]);
            case 1 -> chip.guestSetValue(line, rnd.nextInt(2));
            case 2 -> chip.guestSetIrqType(line, TYPES[rnd.nextInt(TYPES.length)]);
            case 3, 4 -> chip.queueEventBuffer(line, token[0]++);
            case 9 -> {
                if (rnd.nextInt(20) == 0) {
                    chip.resetGuestState();
                } else {
                    chip.setInput(line, rnd.nextInt(2), Cause.USER);
                }
            }
            default -> chip.setInput(line, rnd.nextInt(2), Cause.USER);
        }
    }

    @Test
    @DisplayName("After every one of 30,000 random guest and user operations, the rebuilt state equals the chip's")
    void rebuilt_state_equals_the_live_chip_at_every_step() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(6).namesList("LED,BUTTON").build();
        EventLog log = new EventLog(1 << 20);
        Chip chip = new Chip(config, log);
        Random rnd = new Random(42);
        long[] token = {1};
        List<Long> seqs = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            randomStep(chip, rnd, token);
            seqs.add(log.nextSeq());
            expected.add(exact(chip.states()));
        }
        ChipHistory h = ChipHistory.build(config, log);
        assertTrue(h.keyframes() > 3, "the log spans several keyframes: " + h.keyframes());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(expected.get(i), exact(h.before(seqs.get(i)).states()), "after step " + i);
        }
        assertEquals(expected.get(expected.size() - 1), exact(h.last().states()));
    }

    @Test
    @DisplayName("State at a time: the events stamped at or before t count, the later ones do not")
    void state_at_a_time() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(2).build();
        EventLog log = new EventLog(64, 0, 0);
        log.append(100, EventKind.DIRECTION, 0, Direction.IN.wireValue(), 0);
        log.append(200, EventKind.LEVEL, 0, 1, Cause.USER.wire());
        log.append(200, EventKind.IRQ_TYPE, 0, IrqType.EDGE_BOTH.wireValue(), 0);
        log.append(300, EventKind.EVENT_BUFFER, 0, 5, 0);
        log.append(400, EventKind.CONNECTION, -1, 1, 0);
        ChipHistory h = ChipHistory.build(config, log);

        assertEquals(Direction.NONE, h.at(99).state(0).direction());
        assertEquals(Direction.IN, h.at(100).state(0).direction());
        assertEquals(0, h.at(199).state(0).level());
        LineState at200 = h.at(200).state(0);
        assertEquals(1, at200.level());
        assertEquals(IrqType.EDGE_BOTH, at200.irqType(), "both events stamped 200 are applied");
        assertFalse(at200.armed());
        assertTrue(h.at(300).state(0).armed());
        assertFalse(h.at(399).connected());
        assertTrue(h.at(400).connected());
        assertTrue(h.at(Long.MAX_VALUE).connected());
        assertEquals(Direction.NONE, h.at(1000).state(1).direction(), "a line without events keeps its reset state");
    }

    @Test
    @DisplayName("A log that starts mid-recording: a line's level before its first LEVEL event is the opposite")
    void level_before_the_first_event_of_a_later_recording() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(3).build();
        EventLog log = new EventLog(64, 0, 0);
        log.append(10, EventKind.LEVEL, 0, 0, Cause.USER.wire()); // line 0 was high before
        log.append(20, EventKind.LEVEL, 1, 1, Cause.USER.wire()); // line 1 was low before
        ChipHistory h = ChipHistory.build(config, log);
        assertEquals(1, h.at(5).state(0).level());
        assertEquals(0, h.at(5).state(1).level());
        assertEquals(0, h.at(10).state(0).level());
        assertEquals(1, h.at(20).state(1).level());
        assertEquals(0, h.at(20).state(2).level(), "no event: the chip's reset level");
    }

    @Test
    @DisplayName("Scrubbing a one-million-event history: random jumps answer, and the far end is the live chip (timings printed)")
    void scrubbing_a_million_events_is_right() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(64).build();
        EventLog log = new EventLog(1 << 20);
        Chip chip = new Chip(config, log);
        Random rnd = new Random(7);
        long[] token = {1};
        while (log.nextSeq() < 1_000_000) {
            randomStep(chip, rnd, token);
        }
        long t0 = System.nanoTime();
        ChipHistory h = ChipHistory.build(config, log);
        long buildNanos = System.nanoTime() - t0;
        long first = log.get(0).timeNanos();
        long span = log.get(log.nextSeq() - 1).timeNanos() - first;
        int scrubs = 2000;
        long sink = 0;
        for (int i = 0; i < 200; i++) { // warm up
            sink += h.at(first + (long) (rnd.nextDouble() * span)).states().size();
        }
        long s0 = System.nanoTime();
        for (int i = 0; i < scrubs; i++) {
            sink += h.at(first + (long) (rnd.nextDouble() * span)).states().size();
        }
        double perScrubMs = (System.nanoTime() - s0) / 1e6 / scrubs;
        System.out.printf(Locale.ROOT, "ChipHistory: %,d events, %d lines: build %.1f ms, %d keyframes every %d"
                + " events, %.3f ms per scrub (state of every line at a random time)%n", log.nextSeq(),
                config.lines(), buildNanos / 1e6, h.keyframes(), h.interval(), perScrubMs);
        assertTrue(sink > 0);
        // How fast a scrub is, is a figure for 'vgpio bench --models'; that it is right is checked here.
        // And it is right at the far end too.
        assertEquals(exact(chip.states()), exact(h.at(Long.MAX_VALUE).states()));
        assertEquals(exact(chip.states()), exact(h.before(log.nextSeq() - 1 + 1).states()));
    }
}
