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
    FEATURES,
    /**
     * A bound physical line reported an edge. a = new level (as configured: active-low inverts); b = nanoseconds
     * from the kernel's timestamp of the edge to this record, so the event's time minus b is the kernel's time.
     */
    HW_EDGE;

    private static final EventKind[] ALL = values();

    public static EventKind fromOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    /** Why an eventq buffer came back INVALID, with a sentence and a table-cell wording. */
    public enum InvalidReason {
        /** SET_IRQ_TYPE(NONE) while the buffer was held. */
        DISABLED("interrupt disabled", "interrupt disabled"),
        /** Queued while the trigger type was NONE. */
        NOT_ENABLED("queued while the trigger type is none", "trigger type is none"),
        /** A second buffer for a line that already had one. */
        DUPLICATE("a buffer for this line is already held", "buffer already held"),
        /** SET_DIRECTION(NONE) discarded the line. */
        RELEASED("line released", "line released"),
        /** The buffer named no valid line, or had the wrong layout. */
        BAD_REQUEST("bad eventq request", "bad eventq request");

        private final String text;
        private final String brief;

        InvalidReason(String text, String brief) {
            this.text = text;
            this.brief = brief;
        }

        /** For logs and tooltips. */
        public String text() {
            return text;
        }

        /** For a table cell. */
        public String brief() {
            return brief;
        }

        /** The reason with this ordinal, or null. */
        public static InvalidReason fromOrdinal(long ordinal) {
            InvalidReason[] all = values();
            return ordinal >= 0 && ordinal < all.length ? all[(int) ordinal] : null;
        }
    }

    /** Why a descriptor chain was rejected. */
    public enum ChainError {
        BAD_HEAD_INDEX, BAD_NEXT_INDEX, LOOP, ADDRESS_OUTSIDE_MEMORY, INDIRECT_NOT_NEGOTIATED, BAD_INDIRECT_TABLE,
        NESTED_INDIRECT, INDIRECT_WITH_NEXT, READABLE_AFTER_WRITABLE, TOO_LONG, TOO_SHORT, RING_INDEX_JUMP
    }
}
