package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The interrupt state machine and level bookkeeping, without any transport. */
class ChipTest {
    private final List<String> completed = new ArrayList<>();
    private EventLog log;
    private Chip chip;

    @BeforeEach
    void setUp() throws Exception {
        log = new EventLog(1024);
        chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        chip.setInterruptSink((line, token, valid) -> completed.add(line + ":" + token + ":" + (valid ? "V" : "I")));
    }

    private List<Event> events(EventKind kind) {
        List<Event> out = new ArrayList<>();
        log.read(0, Integer.MAX_VALUE, (s, t, k, l, a, b) -> {
            if (k == kind) {
                out.add(new Event(s, t, k, l, a, b));
            }
        });
        return out;
    }

    @Test
    @DisplayName("An edge before the interrupt was enabled is not latched; after it, it is")
    void latching_starts_at_enable() {
        chip.guestSetDirection(0, Direction.IN);
        chip.setInput(0, 1, Cause.USER);
        chip.setInput(0, 0, Cause.USER);
        chip.guestSetIrqType(0, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(0, 7);
        assertEquals(List.of(), completed);
        chip.setInput(0, 1, Cause.USER);
        assertEquals(List.of("0:7:V"), completed);
    }

    @Test
    @DisplayName("The latch is one deep: two edges while masked give one interrupt")
    void latch_is_one_deep() {
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_BOTH);
        chip.setInput(1, 1, Cause.USER);
        chip.setInput(1, 0, Cause.USER);
        chip.queueEventBuffer(1, 3);
        chip.queueEventBuffer(1, 4);
        assertEquals(List.of("1:3:V"), completed);
        assertTrue(chip.state(1).armed());
        assertEquals(1, events(EventKind.EDGE_LATCHED).size());
    }

    @Test
    @DisplayName("Outputs do not interrupt: input changes on an output line are not edges")
    void outputs_do_not_interrupt() {
        chip.guestSetValue(2, 1);
        chip.guestSetDirection(2, Direction.OUT);
        chip.guestSetIrqType(2, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(2, 1);
        chip.setInput(2, 1, Cause.USER);
        assertEquals(List.of(), completed);
        assertEquals(1, chip.guestRead(2), "the guest reads its own output");
    }

    @Test
    @DisplayName("Level changes are logged with their cause, once per change of the level the guest reads")
    void level_events_carry_their_cause() {
        chip.setInput(0, 1, Cause.HARDWARE);
        chip.setInput(0, 1, Cause.USER); // no change
        chip.guestSetValue(0, 0);
        chip.guestSetDirection(0, Direction.OUT); // now reads 0: a change caused by the guest
        List<Event> levels = events(EventKind.LEVEL);
        assertEquals(2, levels.size());
        assertEquals(Cause.HARDWARE.wire(), levels.get(0).b());
        assertEquals(1, levels.get(0).a());
        assertEquals(Cause.GUEST.wire(), levels.get(1).b());
        assertEquals(0, levels.get(1).a());
    }

    @Test
    @DisplayName("resetGuestState drops held buffers without returning them and keeps input levels")
    void reset_keeps_input_levels() {
        chip.setInput(3, 1, Cause.USER);
        chip.guestSetDirection(3, Direction.IN);
        chip.guestSetIrqType(3, IrqType.LEVEL_LOW);
        chip.queueEventBuffer(3, 9);
        chip.resetGuestState();
        assertEquals(List.of(), completed, "no ring to return the buffer to");
        assertFalse(chip.state(3).armed());
        assertEquals(IrqType.NONE, chip.irqType(3));
        assertEquals(Direction.NONE, chip.direction(3));
        assertEquals(1, chip.inputLevel(3));
    }

    @Test
    @DisplayName("Switching a level type on while the level is active and a buffer is held fires at once")
    void level_type_change_fires_when_active() {
        chip.guestSetDirection(0, Direction.IN);
        chip.guestSetIrqType(0, IrqType.EDGE_RISING);
        chip.queueEventBuffer(0, 5);
        chip.guestSetIrqType(0, IrqType.NONE);
        assertEquals(List.of("0:5:I"), completed);
        completed.clear();
        chip.guestSetIrqType(0, IrqType.LEVEL_LOW);
        chip.queueEventBuffer(0, 6);
        assertEquals(List.of("0:6:V"), completed, "input 0 with LEVEL_LOW is active");
    }
}
