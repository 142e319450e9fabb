package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.ChipHistory;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.Direction;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.StateLine;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.timeline.Timeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's state at a log position: what a recording started mid-session starts from (issue 12). */
class DeviceStateTest {
    private static DeviceConfig config() throws Exception {
        return DeviceConfig.builder().lines(4).namesList("LED,BUTTON").build();
    }

    /** What a recording from a snapshot holds: only the events after it, on a clock starting at it. */
    static EventLog recordedFrom(DeviceState start, EventLog live) {
        EventLog recorded = new EventLog(100, 0, 0, start);
        live.read(start.seq(), 100, (seq, t, kind, line, a, b) ->
                recorded.append(t - start.timeNanos(), kind, line, a, b));
        return recorded;
    }

    @Test
    @DisplayName("A chip's snapshot holds every line's state and the log position after the events it reflects")
    void snapshot_is_the_state_and_the_log_position() throws Exception {
        EventLog log = new EventLog(100);
        Chip chip = new Chip(config(), log);
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(1, 3);
        DeviceState s = chip.snapshot();
        assertEquals(log.nextSeq(), s.seq());
        assertEquals(chip.states(), s.lines());
        assertTrue(s.lines().get(1).armed());
        assertTrue(s.timeNanos() >= log.get(s.seq() - 1).timeNanos(), "taken after the last event it reflects");
    }

    @Test
    @DisplayName("A trace's waveform starts from its start state, as its schematic does: both show every line alike")
    void timeline_starts_from_the_start_state() throws Exception {
        EventLog live = new EventLog(100);
        Chip chip = new Chip(config(), live);
        chip.guestSetDirection(0, Direction.OUT);
        chip.guestSetValue(0, 1);
        chip.setInput(1, 1, Cause.USER);
        chip.setInput(2, 1, Cause.USER);
        DeviceState start = chip.snapshot().with(true, 1, List.of());
        chip.setInput(2, 0, Cause.USER); // the one change after Record
        EventLog recorded = recordedFrom(start, live);

        // Fallback 0 for every line: without the start state lines 0 and 1 (no LEVEL event in the trace) read low,
        // and line 2 would be taken as the opposite of its one change, which happens to be right.
        Timeline timeline = new Timeline(recorded, 4, line -> 0, false);
        timeline.update();
        ChipHistory h = ChipHistory.build(config(), recorded);
        long end = recorded.get(recorded.nextSeq() - 1).timeNanos();
        for (long t : new long[] {0, end}) {
            for (int line = 0; line < 4; line++) {
                assertEquals(h.at(t).states().get(line).level(), timeline.levelAt(line, t),
                        "line " + line + " at " + t + " ns: the waveform's level is the schematic's");
            }
        }
        assertEquals(1, timeline.levelAt(0, 0), "the LED the guest drove high before Record");
        assertEquals(1, timeline.levelAt(1, 0), "the input set high before Record");
    }

    @Test
    @DisplayName("A history built from a start state shows that state before the first event, then the events")
    void history_starts_from_the_start_state() throws Exception {
        EventLog live = new EventLog(100);
        Chip chip = new Chip(config(), live);
        chip.guestSetDirection(0, Direction.OUT);
        chip.guestSetValue(0, 1);
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(1, 3);
        chip.setInput(2, 1, Cause.USER);
        DeviceState start = chip.snapshot().with(true, 1, List.of());

        chip.setInput(1, 1, Cause.USER); // the held buffer's interrupt
        EventLog recorded = recordedFrom(start, live);

        ChipHistory h = ChipHistory.build(config(), recorded);
        assertEquals(start.lines(), h.at(0).states(), "time 0 is the state at the snapshot");
        assertTrue(h.at(0).connected());
        assertEquals(start.lines(), h.before(0).states());
        assertEquals(chip.states(), h.last().states(), "and the events change it as they changed the chip");
        assertFalse(h.last().state(1).armed());

        ChipHistory inferred = ChipHistory.build(config(), recorded, null);
        assertEquals(Direction.NONE, inferred.at(0).state(0).direction(), "without it: the reset state");
    }

    @Test
    @DisplayName("A snapshot says a frontend is attached exactly when the log's last CONNECTION event says so")
    void frontend_in_the_snapshot_follows_the_log() throws Exception {
        EventLog log = new EventLog(100);
        Chip chip = new Chip(config(), log);
        assertFalse(chip.snapshot().frontendAttached(), "a chip just made has no frontend");
        chip.frontendChanged(true);
        DeviceState attached = chip.snapshot();
        assertTrue(attached.frontendAttached());
        assertTrue(ConnectionChange.of(log.get(attached.seq() - 1)).connected(), "the log's last event says so");
        chip.frontendChanged(false);
        DeviceState left = chip.snapshot();
        assertFalse(left.frontendAttached());
        assertFalse(ConnectionChange.of(log.get(left.seq() - 1)).connected());
    }

    @Test
    @DisplayName("StateLine formats a line as the control socket's state answer does")
    void state_line_is_the_control_socket_format(@TempDir Path dir) throws Exception {
        Chip chip = new Chip(config(), new EventLog(100));
        chip.guestSetDirection(0, Direction.OUT);
        chip.guestSetValue(0, 1);
        chip.guestSetIrqType(1, IrqType.EDGE_RISING);
        ControlServer c = new ControlServer(dir.resolve("c.ctl"), chip, () -> "none");
        assertEquals(String.join("\n", chip.states().stream().map(StateLine::format).toList()), c.execute("state"));
        assertEquals("0 LED out 1 none", StateLine.format(chip.state(0)));
        assertEquals("3 - none 0 none", StateLine.format(chip.state(3)));
        c.close();
    }
}
