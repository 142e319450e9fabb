package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static io.vgpio.core.MessageType.SET_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.breakpoint.Action;
import io.vgpio.core.payload.BreakpointHit;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.driver.GpioDriver;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Breakpoints over the real socket (issue 13): the Java driver is the guest, the control socket the debugger. A hold
 * leaves requests in the ring and completions in the device; the driver sees nothing until step or continue. The
 * short waits that must come back empty are the only timeouts: they prove an answer does not come.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BreakpointTest {
    /** How long a held request is given to (wrongly) come back. */
    private static final int NOT_ANSWERED_MS = 200;

    private static void assertNotAnswered(DeviceFixture f, int head) {
        assertThrows(IOException.class, () -> f.driver.awaitResponse(head, NOT_ANSWERED_MS),
                "a request behind a breakpoint must not be answered");
    }

    private static GpioDriver.Response send(DeviceFixture f, io.vgpio.core.MessageType type, int line, long value)
            throws IOException {
        return f.req(type, line, value);
    }

    private static int submit(DeviceFixture f, io.vgpio.core.MessageType type, int line, long value)
            throws IOException {
        int head = f.driver.submit(type.wireValue(), line, value);
        f.driver.kick(0);
        return head;
    }

    /** "ok ID SEQ" from halted / wait-halt: checks the id and that SEQ is this breakpoint's hit; returns the hit. */
    private static BreakpointHit hitOf(DeviceFixture f, String answer, int id) {
        String[] w = answer.split(" ");
        assertEquals("ok", w[0], answer);
        assertEquals(id, Integer.parseInt(w[1]), answer);
        Event e = f.log().get(Long.parseLong(w[2]));
        assertEquals(EventKind.BREAKPOINT_HIT, e.kind(), "SEQ names the hit event: " + e);
        BreakpointHit hit = BreakpointHit.of(e);
        assertEquals(id, hit.id());
        return hit;
    }

    @Test
    void a_SET_VALUE_breakpoint_holds_that_request_and_every_later_one_until_continue() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            f.ok(SET_DIRECTION, 3, Direction.OUT.wireValue());
            assertEquals("ok 1", ctl.ask("break add on=request type=set-value line=3"));
            assertEquals("ok no", ctl.ask("halted"));
            assertTrue(ctl.ask("info").endsWith(" halted=no"));

            int set = submit(f, SET_VALUE, 3, 1);
            BreakpointHit hit = hitOf(f, ctl.ask("wait-halt 5000"), 1);
            Event request = f.log().get(hit.hitSeq());
            assertEquals(SET_VALUE.wireValue(), Request.of(request).type(), "the SET_VALUE itself hit");
            assertEquals(3, request.line());
            assertEquals(Action.HOLD, hit.action());
            assertTrue(ctl.ask("info").endsWith(" halted=1"));

            int get = submit(f, GET_VALUE, 0, 0);
            assertNotAnswered(f, set);
            assertNotAnswered(f, get);
            assertEquals(0, f.host.chip().state(3).outputValue(), "the held SET_VALUE is not applied");
            assertTrue(f.events(hit.hitSeq() + 1, e -> e.kind() == EventKind.REQUEST).isEmpty(),
                    "the GET_VALUE stays in the ring: the device did not even take it");

            assertEquals("ok", ctl.ask("continue"));
            assertEquals(0, f.driver.awaitResponse(set, 5000).status());
            assertEquals(0, f.driver.awaitResponse(get, 5000).status());
            assertEquals(1, f.host.chip().state(3).outputValue());
            assertEquals("ok no", ctl.ask("halted"));
            assertEquals("err not halted", ctl.ask("continue"));
            assertEquals("err not halted", ctl.ask("step"));
            assertEquals("ok 1", ctl.ask("break list"));
            assertEquals("1 hits=1 enabled on=request line=3 type=set-value action=hold", ctl.next());
        }
    }

    @Test
    void step_releases_exactly_one_message_and_stays_held() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            f.ok(SET_DIRECTION, 3, Direction.OUT.wireValue());
            assertEquals("ok 1", ctl.ask("break add on=request type=set-value line=3"));
            int set = submit(f, SET_VALUE, 3, 1);
            hitOf(f, ctl.ask("wait-halt 5000"), 1);
            int get0 = submit(f, GET_VALUE, 0, 0);
            int get1 = submit(f, GET_VALUE, 1, 0);

            String step = ctl.ask("step");
            Event released = f.log().get(Long.parseLong(step.substring(3)));
            assertEquals(EventKind.RESPONSE, released.kind(), step);
            assertEquals(SET_VALUE.wireValue(), Response.of(released).type(), "the request that hit goes first");
            assertEquals(0, f.driver.awaitResponse(set, 5000).status());
            assertNotAnswered(f, get0);

            released = f.log().get(Long.parseLong(ctl.ask("step").substring(3)));
            assertEquals(GET_VALUE.wireValue(), Response.of(released).type());
            assertEquals(0, released.line(), "then the next in the ring, one only");
            assertEquals(0, f.driver.awaitResponse(get0, 5000).status());
            assertNotAnswered(f, get1);
            assertTrue(ctl.ask("halted").startsWith("ok 1 "), "still held after a step");

            released = f.log().get(Long.parseLong(ctl.ask("step").substring(3)));
            assertEquals(GET_VALUE.wireValue(), Response.of(released).type());
            assertEquals(1, released.line());
            assertEquals(0, f.driver.awaitResponse(get1, 5000).status());
            assertEquals("ok none", ctl.ask("step"), "nothing waits any more");
            assertEquals("ok", ctl.ask("continue"));
            assertEquals(0, send(f, GET_VALUE, 2, 0).status(), "running again");
        }
    }

    @Test
    void ignore_2_hits_on_the_third() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            assertEquals("ok 1", ctl.ask("break add on=request type=get-value line=0 ignore=2"));
            f.ok(GET_VALUE, 0, 0);
            f.ok(GET_VALUE, 0, 0);
            assertEquals("ok no", ctl.ask("halted"));
            int third = submit(f, GET_VALUE, 0, 0);
            hitOf(f, ctl.ask("wait-halt 5000"), 1);
            assertNotAnswered(f, third);
            assertEquals("ok 1", ctl.ask("break list"));
            assertEquals("1 hits=3 enabled on=request line=0 type=get-value action=hold ignore=2", ctl.next());
            assertEquals("ok", ctl.ask("continue"));
            assertEquals(0, f.driver.awaitResponse(third, 5000).status());
        }
    }

    @Test
    void a_level_breakpoint_holds_from_the_change_on() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            f.ok(SET_DIRECTION, 2, Direction.IN.wireValue());
            assertEquals("ok 1", ctl.ask("break add on=level line=2 value=1 cause=user"));
            assertEquals("ok", ctl.ask("set 2 0"), "no change, no hit");
            assertEquals("ok no", ctl.ask("halted"));
            assertEquals("ok", ctl.ask("set 2 1"));
            BreakpointHit hit = hitOf(f, ctl.ask("halted"), 1);
            assertEquals(EventKind.LEVEL, f.log().get(hit.hitSeq()).kind());
            int get = submit(f, GET_VALUE, 2, 0);
            assertNotAnswered(f, get);
            assertEquals("ok", ctl.ask("continue"));
            GpioDriver.Response r = f.driver.awaitResponse(get, 5000);
            assertEquals(1, r.value(), "answered with the level that hit");
        }
    }

    @Test
    void an_interrupt_breakpoint_holds_the_eventq_completion() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue());
            assertEquals("ok 1", ctl.ask("break add on=interrupt line=1"));
            f.driver.queueIrqBuffer(1);
            Await.until(() -> f.host.chip().state(1).armed());
            assertEquals("ok", ctl.ask("set 1 1"));
            BreakpointHit hit = hitOf(f, ctl.ask("halted"), 1);
            Event interrupt = f.log().get(hit.hitSeq());
            assertEquals(EventKind.INTERRUPT, interrupt.kind());
            assertNull(f.driver.awaitInterrupt(NOT_ANSWERED_MS), "the completion waits in the device");

            assertEquals("ok " + interrupt.seq(), ctl.ask("step"), "the step names the interrupt it let go");
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(5000);
            assertNotNull(i);
            assertTrue(i.valid());
            assertEquals(1, i.line());
            assertEquals("ok", ctl.ask("continue"));
        }
    }

    @Test
    void a_step_releases_the_request_but_not_the_completion_it_causes() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue());
            f.driver.queueIrqBuffer(1);
            Await.until(() -> f.host.chip().state(1).armed());
            assertEquals("ok 1", ctl.ask("break add on=request type=set-irq-type line=1"));
            int disable = submit(f, SET_IRQ_TYPE, 1, IrqType.NONE.wireValue());
            hitOf(f, ctl.ask("wait-halt 5000"), 1);

            Event response = f.log().get(Long.parseLong(ctl.ask("step").substring(3)));
            assertEquals(EventKind.RESPONSE, response.kind());
            assertEquals(0, f.driver.awaitResponse(disable, 5000).status());
            assertNull(f.driver.awaitInterrupt(NOT_ANSWERED_MS), "the buffer it returns INVALID waits: one a step");

            Event invalid = f.log().get(Long.parseLong(ctl.ask("step").substring(3)));
            assertEquals(EventKind.BUFFER_INVALID, invalid.kind());
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(5000);
            assertNotNull(i);
            assertEquals(1, i.line());
            assertEquals(false, i.valid());
            assertEquals("ok none", ctl.ask("step"));
            assertEquals("ok", ctl.ask("continue"));
        }
    }

    @Test
    void a_held_request_survives_the_frontend_stopping_the_rings_as_QEMU_does_at_a_VM_stop() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            assertEquals("ok 1", ctl.ask("break add on=request type=set-value line=3 action=pause-guest"));
            long from = f.log().nextSeq();
            int set = submit(f, SET_VALUE, 3, 1);
            hitOf(f, ctl.ask("wait-halt 5000"), 1);
            int[] bases = f.driver.stop(); // pause-guest's QMP stop: QEMU stops the device's rings
            assertEquals("ok", ctl.ask("continue"), "nothing to release while the rings are stopped");
            f.driver.resume(bases); // QMP cont: the same rings again, from the bases the device reported
            assertEquals(0, f.driver.awaitResponse(set, 5000).status(), "offered again, and answered this time");
            assertEquals(1, f.events(from, e -> e.kind() == EventKind.REQUEST).size(),
                    "recorded once: the request offered again is not a new one");
            assertEquals(1, f.events(from, EventKind.BREAKPOINT_HIT).size(), "and it does not hit again");
            assertEquals(0, send(f, GET_VALUE, 0, 0).status(), "the ring goes on from there");
        }
    }

    @Test
    void a_log_breakpoint_records_the_hit_and_goes_on() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            assertEquals("ok 1", ctl.ask("break add on=response type=get-value status=ok action=log"));
            long from = f.log().nextSeq();
            f.ok(GET_VALUE, 4, 0);
            assertEquals("ok no", ctl.ask("halted"));
            Event marker = f.events(from, EventKind.BREAKPOINT_HIT).get(0);
            BreakpointHit hit = BreakpointHit.of(marker);
            assertEquals(Action.LOG, hit.action(), "a tracepoint, told apart from a hold by its action");
            assertEquals(EventKind.RESPONSE, f.log().get(hit.hitSeq()).kind());
            assertEquals(4, marker.line());
            f.ok(GET_VALUE, 4, 0);
            assertEquals(2, f.events(from, EventKind.BREAKPOINT_HIT).size());
        }
    }

    @Test
    void disabled_and_deleted_breakpoints_do_not_hit() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            assertEquals("ok 1", ctl.ask("break add on=request"));
            assertEquals("ok", ctl.ask("break disable 1"));
            f.ok(GET_VALUE, 0, 0);
            assertEquals("ok 1", ctl.ask("break list"));
            assertEquals("1 hits=0 disabled on=request action=hold", ctl.next());
            assertEquals("ok", ctl.ask("break enable 1"));
            assertEquals("ok", ctl.ask("break del 1"));
            f.ok(GET_VALUE, 0, 0);
            assertEquals("ok 0", ctl.ask("break list"));
            assertEquals("err timeout", ctl.ask("wait-halt 0"));
            assertEquals("err no breakpoint 1; break list shows the ids", ctl.ask("break del 1"));
        }
    }

    @Test
    void a_malformed_spec_names_the_bad_key_or_value_and_installs_nothing() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8); ControlClient ctl = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            assertTrue(ctl.ask("break add line=3").startsWith("err on= is required"));
            assertTrue(ctl.ask("break add on=bogus").contains("'bogus'"));
            assertTrue(ctl.ask("break add on=request type=nope").contains("bad type 'nope'"));
            assertTrue(ctl.ask("break add on=level status=ok").startsWith("err status= applies to on=response"));
            assertTrue(ctl.ask("break add on=request line=99").contains("bad line '99'"));
            assertTrue(ctl.ask("break add on=request ignore=-1").contains("bad ignore '-1'"));
            assertTrue(ctl.ask("break add on=request action=stop").contains("bad action 'stop'"));
            assertTrue(ctl.ask("break add on=request colour=red").contains("unknown key 'colour'"));
            assertTrue(ctl.ask("break add on=request on=level").contains("on= is given twice"));
            assertEquals("ok 0", ctl.ask("break list"), "nothing half-installed");
            assertTrue(ctl.ask("wait-halt soon").startsWith("err TIMEOUT_MS"));
        }
    }
}
