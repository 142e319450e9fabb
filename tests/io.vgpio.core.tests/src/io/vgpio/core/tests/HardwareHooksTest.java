package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chip's hooks for hardware bindings: edges stamped by the kernel, and what the guest drives. */
class HardwareHooksTest {
    private final EventLog log = new EventLog(1024);
    private final List<String> completed = new ArrayList<>();
    private final Chip chip;

    HardwareHooksTest() throws Exception {
        chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        chip.setInterruptSink((line, token, valid) -> completed.add(line + ":" + token + ":" + valid));
    }

    private record Row(long time, EventKind kind, int line, long a, long b) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        log.read(0, 1000, (seq, time, kind, line, a, b) -> rows.add(new Row(time, kind, line, a, b)));
        return rows;
    }

    @Test
    @DisplayName("A hardware edge logs HW_EDGE giving the kernel timestamp, a HARDWARE level, and an interrupt timed from the kernel's edge")
    void hardware_edge() throws Exception {
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_RISING);
        chip.queueEventBuffer(1, 7);
        long kernel = System.nanoTime() - 250_000; // the kernel saw the edge 250 us ago
        chip.hardwareEdge(1, 1, kernel);
        assertEquals(List.of("1:7:true"), completed);
        List<Row> rows = rows();
        Row edge = rows.stream().filter(r -> r.kind() == EventKind.HW_EDGE).findFirst().orElseThrow();
        assertEquals(1, edge.line());
        assertEquals(1, edge.a());
        assertEquals(kernel, edge.time() - edge.b(), "the record's time minus b is the kernel's timestamp");
        Row level = rows.stream().filter(r -> r.kind() == EventKind.LEVEL).findFirst().orElseThrow();
        assertEquals(Cause.HARDWARE.wire(), level.b());
        Row irq = rows.stream().filter(r -> r.kind() == EventKind.INTERRUPT).findFirst().orElseThrow();
        assertTrue(irq.b() >= 250_000, "latency counts from the kernel's timestamp: " + irq.b());
        // The log stays monotonic even though the kernel's stamp is older than events logged before it.
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).time() >= rows.get(i - 1).time());
        }
    }

    @Test
    @DisplayName("Output listeners hear SET_VALUE, SET_DIRECTION and a reset, in the guest's order")
    void output_listener() {
        List<String> heard = new ArrayList<>();
        chip.addOutputListener((line, d, v) -> heard.add(line + " " + d.word() + " " + v));
        chip.guestSetValue(2, 1);
        chip.guestSetDirection(2, Direction.OUT);
        chip.guestSetValue(2, 0);
        chip.guestSetDirection(2, Direction.NONE);
        chip.guestSetDirection(3, Direction.OUT);
        chip.resetGuestState();
        assertEquals(List.of("2 none 1", "2 out 1", "2 out 0", "2 none 0", "3 out 0",
                "0 none 0", "1 none 0", "2 none 0", "3 none 0"), heard);
    }
}
