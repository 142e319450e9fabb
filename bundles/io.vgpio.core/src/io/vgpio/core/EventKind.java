package io.vgpio.core;

/**
 * What an {@link Event} records. The meaning of the event's {@code a} and {@code b} fields depends on the kind and
 * is given here; {@link EventFormat} turns an event into text.
 */
public enum EventKind {
    /** A requestq message arrived. a = message type &lt;&lt; 32 | value (u32); b = descriptor head index. */
    REQUEST,
    /** A requestq response was returned. a = message type &lt;&lt; 16 | status &lt;&lt; 8 | value; b = latency in ns. */
    RESPONSE,
    /** The level the guest reads changed. a = new level; b = {@link Cause} ordinal. */
    LEVEL,
    /** A line's direction changed. a = {@link Direction} wire value; b = 0. */
    DIRECTION,
    /** A line's trigger type changed. a = {@link IrqType} wire value; b = 0. */
    IRQ_TYPE,
    /** The guest queued an eventq buffer pair for a line (unmask). a = descriptor head index. */
    EVENT_BUFFER,
    /** An edge was latched because no eventq buffer was held. a = new level. */
    EDGE_LATCHED,
    /** An eventq buffer was returned with status VALID. a = level at delivery; b = ns since the trigger. */
    INTERRUPT,
    /** An eventq buffer was returned with status INVALID. a = {@link InvalidReason} ordinal; b = head index. */
    BUFFER_INVALID,
    /** The guest broke a driver-normative statement. a = {@link DriverRule} ordinal; b = detail (message type). */
    RULE_VIOLATION,
    /** A descriptor chain could not be used. a = queue index; b = {@link ChainError} ordinal. */
    CHAIN_ERROR,
    /** A frontend connected (a = 1) or disconnected (a = 0). */
    CONNECTION,
    /** The driver accepted features. a = feature bits. */
    FEATURES;

    private static final EventKind[] ALL = values();

    public static EventKind fromOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    /** Why an eventq buffer came back INVALID. */
    public enum InvalidReason {
        /** SET_IRQ_TYPE(NONE) while the buffer was held. */
        DISABLED,
        /** Queued while the trigger type was NONE. */
        NOT_ENABLED,
        /** A second buffer for a line that already had one. */
        DUPLICATE,
        /** SET_DIRECTION(NONE) discarded the line. */
        RELEASED,
        /** The buffer named no valid line, or had the wrong layout. */
        BAD_REQUEST
    }

    /** Why a descriptor chain was rejected. */
    public enum ChainError {
        BAD_HEAD_INDEX, BAD_NEXT_INDEX, LOOP, ADDRESS_OUTSIDE_MEMORY, INDIRECT_NOT_NEGOTIATED, BAD_INDIRECT_TABLE,
        NESTED_INDIRECT, INDIRECT_WITH_NEXT, READABLE_AFTER_WRITABLE, TOO_LONG, TOO_SHORT, RING_INDEX_JUMP
    }
}
