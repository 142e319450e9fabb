package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_DIRECTION;
import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static io.vgpio.core.MessageType.SET_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.Protocol;
import io.vgpio.core.fault.FaultEffect;
import io.vgpio.core.payload.Fault;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.Response;
import io.vgpio.driver.GpioDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault injection (issue 13) over the real sockets: rules go in through the control socket's {@code fault} command,
 * the Java driver sees what they do, and the log records a FAULT event for every fault injected. One test per
 * effect, and the ways a rule can count its matches.
 */
@Timeout(30)
class FaultInjectionTest {

    private static ControlClient control(DeviceFixture f) throws Exception {
        return new ControlClient(f.dir.resolve("gpio.ctl"));
    }

    /** Adds a rule over the control socket and returns its id. */
    private static int add(ControlClient c, String spec) throws Exception {
        String answer = c.ask("fault add " + spec);
        assertTrue(answer.startsWith("ok "), "fault add " + spec + " answered " + answer);
        return Integer.parseInt(answer.substring(3));
    }

    private static List<Fault> faults(DeviceFixture f, long from) {
        return f.events(from, EventKind.FAULT).stream().map(Fault::of).toList();
    }

    private static void armInput(DeviceFixture f, int line, IrqType type) throws Exception {
        f.ok(SET_DIRECTION, line, Direction.IN.wireValue());
        f.ok(SET_IRQ_TYPE, line, type.wireValue());
    }

    @Test
    @DisplayName("err count=1 on GET_VALUE: status ERR with used length 2 once, recorded as a FAULT, then normal answers")
    void err_once() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4); ControlClient c = control(f)) {
            f.host.chip().setInput(0, 1, Cause.USER);
            long from = f.log().nextSeq();
            int id = add(c, "on=request type=get-value line=0 effect=err count=1");

            GpioDriver.Response r = f.req(GET_VALUE, 0, 0);
            assertEquals(Protocol.STATUS_ERR, r.status());
            assertEquals(2, r.usedLen());
            assertEquals(1, f.ok(GET_VALUE, 0, 0), "then the chip answers again");
            assertEquals(1, f.ok(GET_VALUE, 0, 0));

            assertEquals(List.of(new Fault(id, FaultEffect.Kind.ERR)), faults(f, from));
            assertEquals(0, f.events(from, EventKind.FAULT).get(0).line());
            assertEquals("ok 1", c.ask("fault list"));
            assertEquals(id + " hits=1 on=request type=get-value line=0 effect=err count=1", c.next());
        }
    }

    @Test
    @DisplayName("err on SET_VALUE: the operation is not applied")
    void err_does_not_apply() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            f.ok(SET_VALUE, 1, 0);
            f.ok(SET_DIRECTION, 1, Direction.OUT.wireValue());
            add(c, "on=request type=set-value effect=err");
            assertEquals(Protocol.STATUS_ERR, f.req(SET_VALUE, 1, 1).status());
            assertEquals(0, f.host.chip().guestRead(1), "the output did not change");
            assertEquals("ok 0", c.ask("get 1"));
        }
    }

    @Test
    @DisplayName("delay:D answers no earlier than D, with the operation applied then")
    void delay() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            add(c, "on=request type=get-direction effect=delay:30000 count=1");
            long from = f.log().nextSeq();
            long t0 = System.nanoTime();
            GpioDriver.Response r = f.req(GET_DIRECTION, 0, 0);
            long took = System.nanoTime() - t0;
            assertEquals(Protocol.STATUS_OK, r.status());
            assertEquals(2, r.usedLen());
            assertTrue(took >= 30_000_000L, "answered after " + took + " ns, before the 30 ms delay");
            Response logged = Response.of(f.events(from, EventKind.RESPONSE).get(0));
            assertTrue(logged.latencyNanos() >= 30_000_000L, "the log's latency includes the delay");
            assertEquals(1, faults(f, from).size());
        }
    }

    @Test
    @DisplayName("hang: the request is never answered while the rule lives, later requests are; deleting the rule answers it")
    void hang_until_deleted() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4); ControlClient c = control(f)) {
            f.host.chip().setInput(2, 1, Cause.USER);
            int id = add(c, "on=request type=get-value line=2 effect=hang");
            long from = f.log().nextSeq();
            int head = f.driver.submit(GET_VALUE.wireValue(), 2, 0);
            f.driver.kick(0);
            Await.until(() -> !f.events(from, EventKind.FAULT).isEmpty());

            assertEquals(Direction.NONE.wireValue(), f.ok(GET_DIRECTION, 0, 0), "the device goes on with others");
            assertEquals(0, f.ok(GET_VALUE, 3, 0), "another line's GET_VALUE is not held");
            assertTrue(f.events(from, e -> e.kind() == EventKind.RESPONSE && e.line() == 2).isEmpty(),
                    "the hung request has no response yet");

            assertEquals("ok", c.ask("fault del " + id));
            GpioDriver.Response r = f.driver.awaitResponse(head, 5000);
            assertEquals(Protocol.STATUS_OK, r.status());
            assertEquals(1, r.value(), "answered as the chip answers now");
            assertEquals(2, r.usedLen());
            assertEquals("ok 0", c.ask("fault list"));
        }
    }

    @Test
    @DisplayName("short-length: the used length is one byte short")
    void short_length() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            add(c, "on=request type=get-value effect=short-length count=1");
            GpioDriver.Response r = f.req(GET_VALUE, 0, 0);
            assertEquals(Protocol.STATUS_OK, r.status());
            assertEquals(1, r.usedLen());
            assertEquals(2, f.req(GET_VALUE, 0, 0).usedLen());
        }
    }

    @Test
    @DisplayName("drop-irq count=1: of two edges exactly the first is not reported, though the line changed")
    void drop_first_interrupt() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            armInput(f, 0, IrqType.EDGE_RISING);
            int id = add(c, "on=line line=0 effect=drop-irq count=1");
            long from = f.log().nextSeq();
            f.driver.queueIrqBuffer(0);
            Await.until(() -> f.host.chip().state(0).armed());

            assertEquals("ok", c.ask("set 0 1"));
            assertEquals("ok 1", c.ask("get 0"), "the edge happened on the line");
            assertNull(f.driver.pollInterrupt(), "but was not reported (the buffer is returned under the set)");
            assertTrue(f.host.chip().state(0).armed(), "the buffer is still held");
            assertEquals("ok", c.ask("set 0 0"));
            assertEquals("ok", c.ask("set 0 1"));
            GpioDriver.Interrupt i = f.driver.pollInterrupt();
            assertNotNull(i, "the second edge is reported");
            assertTrue(i.valid());
            assertEquals(1, f.events(from, EventKind.INTERRUPT).size());
            assertEquals(List.of(new Fault(id, FaultEffect.Kind.DROP_IRQ)), faults(f, from));
        }
    }

    @Test
    @DisplayName("dup-irq: an interrupt is reported, and the next buffer armed gets it again with no new edge")
    void duplicate_interrupt() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            armInput(f, 1, IrqType.EDGE_RISING);
            add(c, "on=line line=1 effect=dup-irq count=1");
            long from = f.log().nextSeq();
            f.driver.queueIrqBuffer(1);
            Await.until(() -> f.host.chip().state(1).armed());
            assertEquals("ok", c.ask("set 1 1"));
            assertTrue(f.driver.pollInterrupt().valid());

            f.driver.queueIrqBuffer(1);
            GpioDriver.Interrupt again = f.driver.awaitInterrupt(5000);
            assertNotNull(again, "the duplicate comes on the next buffer");
            assertTrue(again.valid());
            assertEquals(1, again.line());

            f.driver.queueIrqBuffer(1);
            Await.until(() -> f.events(from, EventKind.EVENT_BUFFER).size() == 3);
            assertNull(f.driver.pollInterrupt(), "only once more: the third buffer is held");
            assertEquals(1, f.events(from, EventKind.LEVEL).size(), "one edge");
            assertEquals(2, f.events(from, EventKind.INTERRUPT).size(), "two interrupts");
        }
    }

    @Test
    @DisplayName("spurious-irq: an armed buffer completes VALID with no edge on the line")
    void spurious_interrupt() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            armInput(f, 0, IrqType.EDGE_BOTH);
            f.driver.queueIrqBuffer(0);
            Await.until(() -> f.host.chip().state(0).armed());
            long from = f.log().nextSeq();
            int id = add(c, "on=line line=0 effect=spurious-irq count=1");

            GpioDriver.Interrupt i = f.driver.pollInterrupt();
            assertNotNull(i, "the held buffer completed at once");
            assertTrue(i.valid());
            assertTrue(f.events(from, EventKind.LEVEL).isEmpty(), "no edge");
            f.driver.queueIrqBuffer(0);
            Await.until(() -> f.host.chip().state(0).armed());
            assertNull(f.driver.pollInterrupt(), "count=1: the next buffer is held");
            assertEquals(List.of(new Fault(id, FaultEffect.Kind.SPURIOUS_IRQ)), faults(f, from));
        }
    }

    @Test
    @DisplayName("stuck:1: the line goes to 1 and set LINE 0 is ignored while the rule lives")
    void stuck_high() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            f.ok(SET_DIRECTION, 0, Direction.IN.wireValue());
            long from = f.log().nextSeq();
            int id = add(c, "on=line line=0 effect=stuck:1");
            assertEquals("ok 1", c.ask("get 0"));
            assertEquals("ok", c.ask("set 0 0"));
            assertEquals("ok 1", c.ask("get 0"), "stimulus ignored");
            assertEquals(1, f.ok(GET_VALUE, 0, 0), "the guest reads the stuck level");
            assertEquals(Cause.FAULT, Level.of(f.events(from, EventKind.LEVEL).get(0)).cause());
            assertEquals(List.of(new Fault(id, FaultEffect.Kind.STUCK)), faults(f, from), "the ignored set");

            assertEquals("ok", c.ask("fault del " + id));
            assertEquals("ok", c.ask("set 0 0"));
            assertEquals("ok 0", c.ask("get 0"), "free again");
        }
    }

    @Test
    @DisplayName("glitch: seeded pulses on the line, each a FAULT and two level changes with cause FAULT")
    void glitch_pulses() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4); ControlClient c = control(f)) {
            f.ok(SET_DIRECTION, 3, Direction.IN.wireValue());
            long from = f.log().nextSeq();
            int id = add(c, "on=line line=3 effect=glitch:200:500 count=3 seed=5");
            Await.until(() -> f.events(from, e -> e.kind() == EventKind.LEVEL && e.line() == 3).size() == 6);
            List<Event> levels = f.events(from, EventKind.LEVEL);
            for (int k = 0; k < levels.size(); k++) {
                assertEquals(Cause.FAULT, Level.of(levels.get(k)).cause());
                assertEquals(k % 2 == 0 ? 1 : 0, Level.of(levels.get(k)).level(), "up, then down");
            }
            for (int k = 0; k < levels.size(); k += 2) {
                long width = levels.get(k + 1).timeNanos() - levels.get(k).timeNanos();
                assertTrue(width >= 200_000, "a pulse lasts at least its width, not " + width + " ns");
            }
            assertEquals(3, faults(f, from).size());
            assertEquals("ok 1", c.ask("fault list"));
            assertEquals(id + " hits=3 on=line line=3 effect=glitch:200:500 count=3 seed=5", c.next());
        }
    }

    @Test
    @DisplayName("Rules survive a frontend reconnect; a request hung by a frontend that left is dropped, not answered to the next")
    void rules_survive_a_reconnect() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            int hang = add(c, "on=request type=get-value line=1 effect=hang");
            add(c, "on=request type=get-direction effect=err every=2");
            f.driver.submit(GET_VALUE.wireValue(), 1, 0);
            f.driver.kick(0);
            Await.until(() -> !f.events(0, EventKind.FAULT).isEmpty());
            f.detach();
            f.driver = GpioDriver.attach(f.socket);

            long from = f.log().nextSeq();
            assertEquals("ok", c.ask("fault del " + hang));
            assertTrue(f.events(from, EventKind.RESPONSE).isEmpty(), "the old frontend's request went with its ring");
            assertEquals(Protocol.STATUS_OK, f.req(GET_DIRECTION, 0, 0).status());
            assertEquals(Protocol.STATUS_ERR, f.req(GET_DIRECTION, 0, 0).status(), "every=2 goes on counting");
            assertEquals("ok 1", c.ask("fault list"));
            assertTrue(c.next().endsWith("hits=1 on=request type=get-direction effect=err every=2"));
        }
    }

    /** Sends GET_VALUE n times under a rule; returns which were faulted. */
    private static List<Boolean> pattern(String spec, int n) throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            add(c, spec);
            List<Boolean> hit = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                hit.add(f.req(GET_VALUE, 0, 0).status() == Protocol.STATUS_ERR);
            }
            return hit;
        }
    }

    @Test
    @DisplayName("prob with a seed gives the same hit pattern on every run; another seed another one")
    void probability_reproducible() throws Exception {
        String spec = "on=request type=get-value effect=err prob=0.5 seed=1234";
        List<Boolean> first = pattern(spec, 40);
        assertEquals(first, pattern(spec, 40));
        assertTrue(first.contains(true) && first.contains(false), "a mix: " + first);
        assertTrue(!first.equals(pattern("on=request type=get-value effect=err prob=0.5 seed=99", 40)));
    }

    @Test
    @DisplayName("every=3: the third, sixth and ninth match fire")
    void every_third() throws Exception {
        List<Boolean> hit = pattern("on=request type=get-value effect=err every=3", 9);
        assertEquals(List.of(false, false, true, false, false, true, false, false, true), hit);
    }

    @Test
    @DisplayName("A malformed spec is answered err naming the bad key or value, and installs nothing")
    void malformed_specs() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); ControlClient c = control(f)) {
            assertTrue(c.ask("fault add on=request effect=boom").matches("err .*effect=boom.*"));
            assertTrue(c.ask("fault add on=line line=1 effect=stuck:1 count=0").matches("err .*count=0.*"));
            assertTrue(c.ask("fault add on=line line=9 effect=drop-irq").matches("err .*line=9.*"));
            assertTrue(c.ask("fault add on=request effect=err colour=red").matches("err .*'colour'.*"));
            assertEquals("ok 0", c.ask("fault list"), "nothing half-installed");
            assertEquals("ok 0", c.ask("get 1"), "the stuck rule never forced its level");
            assertTrue(c.ask("fault del 7").startsWith("err no fault rule 7"));
            assertTrue(c.ask("fault del x").startsWith("err usage"));
            assertTrue(c.ask("fault").startsWith("err usage"));
            add(c, "on=request effect=err");
            add(c, "on=line line=0 effect=dup-irq");
            assertEquals("ok", c.ask("fault clear"));
            assertEquals("ok 0", c.ask("fault list"));
            assertEquals(2, add(c, "on=request effect=err") - 1, "ids are never reused");
        }
    }
}
