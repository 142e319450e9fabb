package io.vgpio.core.tests.breakpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.breakpoint.BreakpointListener;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.core.breakpoint.GuestPause;
import io.vgpio.core.breakpoint.Halt;
import io.vgpio.core.breakpoint.HeldQueues;
import io.vgpio.core.payload.BreakpointHit;
import io.vgpio.core.payload.ChainRejected;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breakpoint engine on a bare chip: a recording fake stands for the device's queues and for QMP. */
class BreakpointsTest {
    /** What the engine asked of the device and of the guest, in order. */
    private final List<String> calls = new ArrayList<>();

    private final HeldQueues queues = new HeldQueues() {
        @Override
        public void hold() {
            calls.add("hold");
        }

        @Override
        public long releaseOne() {
            calls.add("releaseOne");
            return 42;
        }

        @Override
        public void releaseAll() {
            calls.add("releaseAll");
        }

        @Override
        public void afterRelease() {
            calls.add("afterRelease");
        }
    };

    private final class FakeGuest implements GuestPause {
        boolean connected = true;

        @Override
        public boolean connected() {
            return connected;
        }

        @Override
        public void pause() {
            calls.add("stop");
        }

        @Override
        public void resume() {
            calls.add("cont");
        }
    }

    /** What the breakpoints' listener hears, in order: "halted ID", "resumed". */
    private static List<String> listenTo(Breakpoints b) {
        List<String> heard = new ArrayList<>();
        b.addListener(new BreakpointListener() {
            @Override
            public void halted(Halt halt) {
                heard.add("halted " + halt.id());
            }

            @Override
            public void resumed() {
                heard.add("resumed");
            }
        });
        return heard;
    }

    private static Chip chip() throws Exception {
        return new Chip(DeviceConfig.builder().lines(4).build(), new EventLog(1024));
    }

    @Test
    void pause_guest_stops_the_guest_once_and_continue_sends_cont_before_releasing() throws Exception {
        Chip chip = chip();
        Breakpoints b = new Breakpoints(chip);
        b.attach(queues);
        b.setGuestPause(new FakeGuest());
        List<String> heard = listenTo(b);
        int id = b.add(BreakpointSpec.parse("on=connect action=pause-guest"));
        chip.frontendChanged(true);
        chip.frontendChanged(false);
        chip.frontendChanged(true);
        assertEquals(List.of("stop", "hold", "hold"), calls, "one stop for the hold, however many hits");
        Halt h = b.halted();
        assertEquals(id, h.id());
        Event hit = chip.log().get(h.seq());
        assertEquals(EventKind.BREAKPOINT_HIT, hit.kind());
        assertEquals(EventKind.CONNECTION, chip.log().get(BreakpointHit.of(hit).hitSeq()).kind());
        calls.clear();
        assertEquals(42, b.step());
        b.resume();
        assertEquals(List.of("releaseOne", "afterRelease", "cont", "releaseAll", "afterRelease"), calls);
        assertNull(b.halted());
        assertEquals(List.of("halted 1", "halted 1", "resumed"), heard);
        assertEquals(2, b.list().get(0).hits());
    }

    @Test
    void pause_guest_without_QMP_holds_only() throws Exception {
        Chip chip = chip();
        Breakpoints b = new Breakpoints(chip);
        b.attach(queues);
        FakeGuest guest = new FakeGuest();
        guest.connected = false;
        b.setGuestPause(guest);
        b.add(BreakpointSpec.parse("on=disconnect action=pause-guest"));
        chip.frontendChanged(false);
        assertNotNull(b.halted());
        assertEquals(List.of("hold"), calls);
        b.resume();
        assertEquals(List.of("hold", "releaseAll", "afterRelease"), calls, "no cont for a guest never stopped");
    }

    @Test
    void a_chain_error_breakpoint_holds_and_wait_halt_returns_it() throws Exception {
        Chip chip = chip();
        Breakpoints b = new Breakpoints(chip);
        b.attach(queues);
        b.add(BreakpointSpec.parse("on=chain-error"));
        assertNull(b.awaitHalt(0), "not held: no wait");
        synchronized (chip) {
            chip.log().append(Event.NO_LINE, new ChainRejected(0, EventKind.ChainError.LOOP));
        }
        assertEquals(1, b.awaitHalt(0).id());
        assertThrows(Breakpoints.NotHalted.class, () -> {
            b.resume();
            b.resume();
        });
    }

    @Test
    void suspend_holds_without_a_breakpoint_pauses_the_guest_and_resume_continues_it() throws Exception {
        Chip chip = chip();
        Breakpoints b = new Breakpoints(chip);
        b.attach(queues);
        b.setGuestPause(new FakeGuest());
        List<String> heard = listenTo(b);
        chip.frontendChanged(true);
        long last = chip.log().nextSeq() - 1;
        Halt h = b.suspend(true);
        assertEquals(new Halt(Breakpoints.SUSPENDED_BY_USER, last), h);
        assertEquals(last + 1, chip.log().nextSeq(), "a suspend records no breakpoint hit");
        assertEquals(h, b.suspend(true), "a second suspend keeps the halt and stops nothing again");
        assertEquals(List.of("stop", "hold"), calls);
        assertEquals(List.of("halted 0"), heard);
        assertEquals(42, b.step());
        b.resume();
        assertNull(b.halted());
        assertEquals(List.of("stop", "hold", "releaseOne", "afterRelease", "cont", "releaseAll", "afterRelease"),
                calls);
        assertEquals(List.of("halted 0", "resumed"), heard);
    }
}
