package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;

/**
 * The typed meaning of an event's {@code a} and {@code b}: one record per {@link EventKind}, and the only place that
 * packs fields into them or unpacks them again, so the writers (the device, the chip) and the readers (formatters,
 * the traffic table, replay, tests) cannot drift apart. Traces store {@code a} and {@code b} as they are, so the
 * packing here is part of the trace format and must never change.
 *
 * <p>Decoding: {@code Request.of(a, b)} on the primitives an {@link EventLog.Reader} gets, {@code Request.of(event)}
 * on an {@link Event}, or {@link #of(EventKind, long, long)} for any kind (then switch over the records). Encoding:
 * {@link #a()} and {@link #b()}, or {@link EventLog#append(int, EventPayload)}. The records are small and do not
 * escape a decode, so the JIT keeps them in registers: a reader of a million events still allocates nothing.
 *
 * <p>Fields that name a constant hold its wire number, so an unknown number read from a newer trace survives; the
 * enum accessors ({@code cause()}, {@code rule()}, ...) return null for such a number.
 */
public sealed interface EventPayload permits Request, Response, Level, DirectionChange, IrqTypeChange,
        EventBuffer, EdgeLatched, Interrupt, BufferInvalid, RuleViolation, ChainRejected, ConnectionChange, Features,
        HwEdge, BreakpointHit, Fault, PartEvent, Contention {
    /** The kind whose payload this is. */
    EventKind kind();

    /** The event's {@code a} field. */
    long a();

    /** The event's {@code b} field. */
    long b();

    /** The payload of an event of any kind. */
    static EventPayload of(EventKind kind, long a, long b) {
        return switch (kind) {
            case REQUEST -> Request.of(a, b);
            case RESPONSE -> Response.of(a, b);
            case LEVEL -> Level.of(a, b);
            case DIRECTION -> DirectionChange.of(a, b);
            case IRQ_TYPE -> IrqTypeChange.of(a, b);
            case EVENT_BUFFER -> EventBuffer.of(a, b);
            case EDGE_LATCHED -> EdgeLatched.of(a, b);
            case INTERRUPT -> Interrupt.of(a, b);
            case BUFFER_INVALID -> BufferInvalid.of(a, b);
            case RULE_VIOLATION -> RuleViolation.of(a, b);
            case CHAIN_ERROR -> ChainRejected.of(a, b);
            case CONNECTION -> ConnectionChange.of(a, b);
            case FEATURES -> Features.of(a, b);
            case HW_EDGE -> HwEdge.of(a, b);
            case BREAKPOINT_HIT -> BreakpointHit.of(a, b);
            case FAULT -> Fault.of(a, b);
            case PART_EVENT -> PartEvent.of(a, b);
            case CONTENTION -> Contention.of(a, b);
        };
    }

    /** The payload of an event. */
    static EventPayload of(Event e) {
        return of(e.kind(), e.a(), e.b());
    }
}
