package io.vgpio.core.tests.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventKind.ChainError;
import io.vgpio.core.EventKind.InvalidReason;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ChainRejected;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.DirectionChange;
import io.vgpio.core.payload.EdgeLatched;
import io.vgpio.core.payload.EventBuffer;
import io.vgpio.core.payload.EventPayload;
import io.vgpio.core.fault.FaultEffect;
import io.vgpio.core.parts.PartAction;
import io.vgpio.core.payload.Contention;
import io.vgpio.core.payload.Fault;
import io.vgpio.core.payload.PartEvent;
import io.vgpio.core.payload.Features;
import io.vgpio.core.payload.BreakpointHit;
import io.vgpio.core.payload.HwEdge;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.IrqTypeChange;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.core.payload.RuleViolation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The event payload records: what a writer packs, every reader unpacks to the same fields. */
class EventPayloadTest {
    /** Payloads of every kind, with the edge values each field can take. */
    static Stream<EventPayload> payloads() {
        List<EventPayload> p = new ArrayList<>();
        for (int type : new int[] {0, 1, MessageType.SET_IRQ_TYPE.wireValue(), 0xffff}) {
            for (long value : new long[] {0, 1, 0x7fff_ffffL, 0xffff_ffffL}) {
                p.add(new Request(type, value, 0));
                p.add(new Request(type, value, 0xffff));
            }
        }
        p.add(new Request(Integer.MAX_VALUE, 5, Long.MAX_VALUE));
        p.add(new Request(-1, 0xffff_ffffL, -1)); // every bit of a set
        for (int type : new int[] {0, MessageType.GET_VALUE.wireValue(), 0xffff}) {
            for (int status : new int[] {Protocol.STATUS_OK, Protocol.STATUS_ERR, 0xff}) {
                for (int value : new int[] {0, 1, 0xff}) {
                    p.add(new Response(type, status, value, 0));
                }
            }
        }
        p.add(new Response(2, 0, 1, Long.MAX_VALUE));
        for (Cause c : Cause.values()) {
            p.add(new Level(1, c));
        }
        p.add(new Level(Long.MIN_VALUE, 99)); // a level and a cause no version writes survive as they are
        for (Direction d : Direction.values()) {
            p.add(new DirectionChange(d));
        }
        for (IrqType t : IrqType.values()) {
            p.add(new IrqTypeChange(t));
        }
        p.add(new EventBuffer(0xffff));
        p.add(new EventBuffer(-1));
        p.add(new EdgeLatched(0));
        p.add(new EdgeLatched(1));
        p.add(new Interrupt(1, 0));
        p.add(new Interrupt(0, Long.MAX_VALUE));
        for (InvalidReason r : InvalidReason.values()) {
            p.add(new BufferInvalid(r, 0xffff));
        }
        for (DriverRule r : DriverRule.values()) {
            p.add(new RuleViolation(r, 0));
            p.add(new RuleViolation(r, 0xffff));
        }
        for (ChainError e : ChainError.values()) {
            p.add(new ChainRejected(Protocol.REQUEST_QUEUE, e));
            p.add(new ChainRejected(Protocol.EVENT_QUEUE, e));
        }
        p.add(new ConnectionChange(true));
        p.add(new ConnectionChange(false));
        p.add(new Features(-1L, Long.MIN_VALUE));
        p.add(new Features(1L << 32 | 1, 0));
        p.add(new HwEdge(1, 2_500));
        p.add(new HwEdge(0, Long.MAX_VALUE));
        p.add(new BreakpointHit(1, io.vgpio.core.breakpoint.Action.HOLD, 0));
        p.add(new BreakpointHit(Integer.MAX_VALUE, io.vgpio.core.breakpoint.Action.LOG, Long.MAX_VALUE));
        p.add(new BreakpointHit(7, 99, 12)); // an action a later version added
        for (FaultEffect.Kind k : FaultEffect.Kind.values()) {
            p.add(new Fault(7, k));
        }
        p.add(new Fault(Long.MAX_VALUE, 99)); // an effect no version writes survives as it is
        for (PartAction a : PartAction.values()) {
            p.add(new PartEvent(3, a, -11)); // a negative value (a temperature, an encoder's position) survives
        }
        p.add(new PartEvent(0xffff_ffffL, 0x7fff_ffffL, Long.MIN_VALUE)); // the widest id and action
        p.add(new Contention(Contention.GUEST, Contention.driverOf(4)));
        p.add(new Contention(Long.MAX_VALUE, 0));
        return p.stream();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    @DisplayName("A payload packed into a and b decodes to itself, from the primitives and from an Event")
    void round_trip(EventPayload p) {
        assertEquals(p, EventPayload.of(p.kind(), p.a(), p.b()), "from (kind, a, b)");
        Event e = new Event(7, 1000, p.kind(), 0xffff, p.a(), p.b());
        assertEquals(p, EventPayload.of(e), "from an Event");
    }

    @Test
    @DisplayName("Every event kind has a payload record, and each names its own kind")
    void every_kind_has_a_record() {
        Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
        payloads().forEach(p -> {
            seen.add(p.kind());
            assertEquals(p.kind(), EventPayload.of(p.kind(), 0, 0).kind());
        });
        assertEquals(EnumSet.allOf(EventKind.class), seen);
    }

    @Test
    @DisplayName("The packing is the trace format: REQUEST and RESPONSE put their fields where traces have them")
    void packing_is_fixed() {
        assertEquals(5L << 32 | 1, new Request(5, 1, 9).a());
        assertEquals(9, new Request(5, 1, 9).b());
        assertEquals(0xffff_ffffL, new Request(0, 0xffff_ffffL, 0).a(), "the value is u32, the type untouched");
        assertEquals(2L << 16 | 1 << 8 | 0x7f, new Response(2, 1, 0x7f, 8_000).a());
        assertEquals(8_000, new Response(2, 1, 0x7f, 8_000).b());
        assertEquals(0xffff_ffffL, new Response(0xffff, 0xff, 0xff, 0).a());
        assertEquals(Cause.HARDWARE.wire(), new Level(1, Cause.HARDWARE).b());
        assertEquals(1, new ConnectionChange(true).a());
        assertEquals(DriverRule.IRQ_ON_OUTPUT.wire(), new RuleViolation(DriverRule.IRQ_ON_OUTPUT, 6).a());
        assertEquals(ChainError.LOOP.wire(), new ChainRejected(Protocol.EVENT_QUEUE, ChainError.LOOP).b());
    }

    @Test
    @DisplayName("Fields wider than their slot are cut to it: the response's value byte does not spill into status")
    void response_fields_are_masked() {
        Response r = Response.of(new Response(0x1_0002, 0x100 | 1, 0x1ff, 0).a(), 0);
        assertEquals(2, r.type());
        assertEquals(1, r.status());
        assertEquals(0xff, r.value());
        Request q = Request.of(new Request(3, 0x1_0000_0001L, 0).a(), 0);
        assertEquals(3, q.type());
        assertEquals(1, q.value());
    }

    @Test
    @DisplayName("Decoded fields read as the enums they name, or null for a number no version defines")
    void typed_views() {
        assertEquals(MessageType.SET_VALUE, Request.of(5L << 32, 0).messageType());
        assertNull(Request.of(99L << 32, 0).messageType());
        assertTrue(Response.of(0, 0).ok());
        assertFalse(Response.of(1 << 8, 0).ok());
        assertEquals(Cause.REPLAY, Level.of(0, Cause.REPLAY.wire()).cause());
        assertNull(Level.of(0, 42).cause());
        assertEquals(Direction.OUT, DirectionChange.of(Direction.OUT.wireValue(), 0).direction());
        assertEquals(IrqType.EDGE_BOTH, IrqTypeChange.of(IrqType.EDGE_BOTH.wireValue(), 0).irqType());
        assertEquals(InvalidReason.DUPLICATE, BufferInvalid.of(InvalidReason.DUPLICATE.wire(), 3).reason());
        assertEquals(DriverRule.UNKNOWN_MESSAGE, RuleViolation.of(DriverRule.UNKNOWN_MESSAGE.wire(), 99).rule());
        assertTrue(RuleViolation.of(0, 99).byMessage());
        assertFalse(RuleViolation.of(0, 0).byMessage());
        assertEquals(ChainError.TOO_SHORT, ChainRejected.of(0, ChainError.TOO_SHORT.wire()).error());
        assertTrue(ChainRejected.of(Protocol.EVENT_QUEUE, 0).eventq());
        assertTrue(HwEdge.of(1, 0).rising());
    }

    @Test
    @DisplayName("BREAKPOINT_HIT packs the action above the id, and the hit event's number in b")
    void breakpoint_hit_packing() {
        BreakpointHit h = new BreakpointHit(3, io.vgpio.core.breakpoint.Action.PAUSE_GUEST, 41);
        assertEquals(1L << 32 | 3, h.a());
        assertEquals(41, h.b());
        assertEquals("pause-guest", h.actionWord());
        assertEquals("action 99", new BreakpointHit(7, 99, 12).actionWord());
    }

    @Test
    @DisplayName("Decoding an Event as the wrong kind is refused")
    void wrong_kind_is_refused() {
        Event level = new Event(0, 0, EventKind.LEVEL, 1, 1, Cause.USER.wire());
        assertThrows(IllegalArgumentException.class, () -> Request.of(level));
        assertEquals(new Level(1, Cause.USER), Level.of(level));
    }

    @Test
    @DisplayName("The log appends a payload as its kind, a and b")
    void log_appends_payloads() {
        EventLog log = new EventLog(16);
        log.append(3, new Request(MessageType.GET_VALUE.wireValue(), 0, 4));
        log.append(log.startNanos() + 10, Event.NO_LINE, new ChainRejected(Protocol.REQUEST_QUEUE, ChainError.LOOP));
        List<Event> events = new ArrayList<>();
        log.read(0, 16, (seq, t, kind, line, a, b) -> events.add(new Event(seq, t, kind, line, a, b)));
        assertEquals(EventKind.REQUEST, events.get(0).kind());
        assertEquals(3, events.get(0).line());
        assertEquals(new Request(MessageType.GET_VALUE.wireValue(), 0, 4), Request.of(events.get(0)));
        assertEquals(ChainError.LOOP, ChainRejected.of(events.get(1)).error());
    }
}
