package io.vgpio.core;

/**
 * What an {@link Event} records. The meaning of the event's {@code a} and {@code b} fields depends on the kind and
 * is given here; {@link io.vgpio.core.payload.EventPayload} has a record for each kind that packs and unpacks them
 * (use it rather than shifting bits by hand), and {@link EventFormat} turns an event into text. Fields that name a
 * constant of an enum hold its explicit wire number, never its ordinal: traces store them, and a trace must mean the
 * same forever.
 */
public enum EventKind {
    /** A requestq message arrived. a = message type &lt;&lt; 32 | value (u32); b = descriptor head index. */
    REQUEST(0),
    /** A requestq response was returned. a = message type &lt;&lt; 16 | status &lt;&lt; 8 | value; b = latency in ns. */
    RESPONSE(1),
    /** The level the guest reads changed. a = new level; b = {@link Cause#wire()}. */
    LEVEL(2),
    /** A line's direction changed. a = {@link Direction} wire value; b = 0. */
    DIRECTION(3),
    /** A line's trigger type changed. a = {@link IrqType} wire value; b = 0. */
    IRQ_TYPE(4),
    /** The guest queued an eventq buffer pair for a line (unmask). a = descriptor head index. */
    EVENT_BUFFER(5),
    /** An edge was latched because no eventq buffer was held. a = new level. */
    EDGE_LATCHED(6),
    /** An eventq buffer was returned with status VALID. a = level at delivery; b = ns since the trigger. */
    INTERRUPT(7),
    /** An eventq buffer was returned with status INVALID. a = {@link InvalidReason#wire()}; b = head index. */
    BUFFER_INVALID(8),
    /** The guest broke a driver-normative statement. a = {@link DriverRule#wire()}; b = detail (message type). */
    RULE_VIOLATION(9),
    /** A descriptor chain could not be used. a = queue index; b = {@link ChainError#wire()}. */
    CHAIN_ERROR(10),
    /** A frontend connected (a = 1) or disconnected (a = 0). */
    CONNECTION(11),
    /** The driver accepted features. a = feature bits. */
    FEATURES(12),
    /**
     * A bound physical line reported an edge. a = new level (as configured: active-low inverts); b = nanoseconds
     * from the kernel's timestamp of the edge to this record, so the event's time minus b is the kernel's time.
     */
    HW_EDGE(13),
    /**
     * A breakpoint hit (issue 13). a = {@link io.vgpio.core.breakpoint.Action#wire()} &lt;&lt; 32 | breakpoint id;
     * b = sequence number of the event that hit. Line: the line of the event that hit.
     */
    BREAKPOINT_HIT(14),
    /**
     * A fault rule changed what the device did (issue 13). a = the rule's id; b = {@link
     * io.vgpio.core.fault.FaultEffect.Kind#wire()}; the line is the one the fault concerns (-1 for a request with
     * none).
     */
    FAULT(15),
    /**
     * A simulated part acted or changed state (issue 14). a = {@link io.vgpio.core.parts.PartAction#wire()} &lt;&lt; 32
     * | the part's id; b = the action's value. The line is the part's pin concerned (-1 for none). A part's name
     * follows its ADDED event in NAME events, so a log or a trace names its parts with no header of its own.
     */
    PART_EVENT(16),
    /**
     * Two strong drivers of a net disagree (issue 14). a = the id + 1 of the part driving high (0: the guest);
     * b = the id + 1 of the part driving low (0: the guest). The LEVEL event that follows gives the resolved level.
     */
    CONTENTION(17);

    private static final EventKind[] ALL = values();
    private static final EventKind[] BY_WIRE = WireNumbers.index(ALL, EventKind::wire);

    private final int wire;

    EventKind(int wire) {
        this.wire = wire;
    }

    /** The kind's number in trace files (the record tag); fixed forever, unlike the ordinal. */
    public int wire() {
        return wire;
    }

    /** The kind with this trace number, or null for one this version does not know. */
    public static EventKind fromWire(long wire) {
        return WireNumbers.lookup(BY_WIRE, wire);
    }

    /** For the in-memory log only, which packs the ordinal; files use {@link #wire()}. */
    public static EventKind fromOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    /** Why an eventq buffer came back INVALID, with a sentence and a table-cell wording. */
    public enum InvalidReason {
        /** SET_IRQ_TYPE(NONE) while the buffer was held. */
        DISABLED(0, "interrupt disabled", "interrupt disabled"),
        /** Queued while the trigger type was NONE. */
        NOT_ENABLED(1, "queued while the trigger type is none", "trigger type is none"),
        /** A second buffer for a line that already had one. */
        DUPLICATE(2, "a buffer for this line is already held", "buffer already held"),
        /** SET_DIRECTION(NONE) discarded the line. */
        RELEASED(3, "line released", "line released"),
        /** The buffer named no valid line, or had the wrong layout. */
        BAD_REQUEST(4, "bad eventq request", "bad eventq request");

        private static final InvalidReason[] BY_WIRE = WireNumbers.index(values(), InvalidReason::wire);
        private final int wire;
        private final String text;
        private final String brief;

        InvalidReason(int wire, String text, String brief) {
            this.wire = wire;
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

        /** The reason's number in events and traces; fixed forever. */
        public int wire() {
            return wire;
        }

        /** The reason with this wire number, or null. */
        public static InvalidReason fromWire(long wire) {
            return WireNumbers.lookup(BY_WIRE, wire);
        }
    }

    /** Why a descriptor chain was rejected. */
    public enum ChainError {
        BAD_HEAD_INDEX(0), BAD_NEXT_INDEX(1), LOOP(2), ADDRESS_OUTSIDE_MEMORY(3), INDIRECT_NOT_NEGOTIATED(4),
        BAD_INDIRECT_TABLE(5), NESTED_INDIRECT(6), INDIRECT_WITH_NEXT(7), READABLE_AFTER_WRITABLE(8), TOO_LONG(9),
        TOO_SHORT(10), RING_INDEX_JUMP(11), RING_OVERRUN(12);

        private static final ChainError[] BY_WIRE = WireNumbers.index(values(), ChainError::wire);
        private final int wire;

        ChainError(int wire) {
            this.wire = wire;
        }

        /** The error's number in events and traces; fixed forever. */
        public int wire() {
            return wire;
        }

        /** The error with this wire number, or null. */
        public static ChainError fromWire(long wire) {
            return WireNumbers.lookup(BY_WIRE, wire);
        }
    }
}
