package io.vgpio.core.traffic;

import io.vgpio.core.EventKind;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Which events the traffic table shows: a set of kinds (optionally one message type), one line or all, and a status.
 * Immutable; {@link #matches} works on the log's primitive columns so that indexing a million events allocates
 * nothing.
 */
public final class TrafficFilter {
    /** Any line. */
    public static final int ALL_LINES = -1;
    /** Any message type. */
    public static final int ALL_TYPES = -1;

    /** The virtqueue traffic: what the table shows by default (no level or configuration changes). */
    static final EnumSet<EventKind> MESSAGES = EnumSet.of(EventKind.REQUEST, EventKind.RESPONSE,
            EventKind.EVENT_BUFFER, EventKind.INTERRUPT, EventKind.BUFFER_INVALID, EventKind.RULE_VIOLATION,
            EventKind.CHAIN_ERROR, EventKind.FAULT);

    /** An entry of the type combo. */
    public record TypeChoice(String label, EnumSet<EventKind> kinds, int messageType) {
    }

    /** The type combo's entries, the default first. */
    public static final List<TypeChoice> TYPES = types();

    private static List<TypeChoice> types() {
        List<TypeChoice> t = new ArrayList<>();
        t.add(new TypeChoice("All messages", MESSAGES, ALL_TYPES));
        t.add(new TypeChoice("requestq", EnumSet.of(EventKind.REQUEST, EventKind.RESPONSE), ALL_TYPES));
        for (MessageType m : MessageType.values()) {
            t.add(new TypeChoice(m.name(), EnumSet.of(EventKind.REQUEST, EventKind.RESPONSE), m.wireValue()));
        }
        t.add(new TypeChoice("eventq", EnumSet.of(EventKind.EVENT_BUFFER, EventKind.INTERRUPT,
                EventKind.BUFFER_INVALID), ALL_TYPES));
        t.add(new TypeChoice("Interrupts", EnumSet.of(EventKind.INTERRUPT), ALL_TYPES));
        t.add(new TypeChoice("INVALID returns", EnumSet.of(EventKind.BUFFER_INVALID), ALL_TYPES));
        t.add(new TypeChoice("Violations", EnumSet.of(EventKind.RULE_VIOLATION), ALL_TYPES));
        t.add(new TypeChoice("Chain errors", EnumSet.of(EventKind.CHAIN_ERROR), ALL_TYPES));
        t.add(new TypeChoice("Faults injected", EnumSet.of(EventKind.FAULT), ALL_TYPES));
        t.add(new TypeChoice("Level changes", EnumSet.of(EventKind.LEVEL), ALL_TYPES));
        EnumSet<EventKind> withLevels = EnumSet.copyOf(MESSAGES);
        withLevels.add(EventKind.LEVEL);
        t.add(new TypeChoice("Messages + levels", withLevels, ALL_TYPES));
        t.add(new TypeChoice("All events", EnumSet.allOf(EventKind.class), ALL_TYPES));
        return List.copyOf(t);
    }

    /** The status combo's entries, the default first. */
    public enum StatusChoice {
        ANY("Any status"), OK("OK / VALID"), ERR("ERR"), INVALID("INVALID"),
        PROBLEMS("Problems (ERR, INVALID, violations, chain errors, faults)");

        private final String label;

        StatusChoice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final long kindMask;
    private final int messageType;
    private final int line;
    private final StatusChoice status;

    public TrafficFilter(TypeChoice type, int line, StatusChoice status) {
        long mask = 0;
        for (EventKind k : type.kinds()) {
            mask |= 1L << k.ordinal();
        }
        this.kindMask = mask;
        this.messageType = type.messageType();
        this.line = line;
        this.status = status;
    }

    /** The default: all virtqueue messages of all lines, any status. */
    public static TrafficFilter defaults() {
        return new TrafficFilter(TYPES.get(0), ALL_LINES, StatusChoice.ANY);
    }

    public int line() {
        return line;
    }

    public boolean matches(EventKind kind, int eventLine, long a) {
        if ((kindMask & 1L << kind.ordinal()) == 0) {
            return false;
        }
        if (line != ALL_LINES && eventLine != line) {
            return false;
        }
        if (messageType != ALL_TYPES && messageTypeOf(kind, a) != messageType) {
            return false;
        }
        return status == StatusChoice.ANY || statusMatches(kind, a);
    }

    private boolean statusMatches(EventKind kind, long a) {
        return switch (status) {
            case ANY -> true;
            case OK -> kind == EventKind.INTERRUPT || kind == EventKind.RESPONSE && responseStatus(a) == Protocol.STATUS_OK;
            case ERR -> kind == EventKind.CHAIN_ERROR
                    || kind == EventKind.RESPONSE && responseStatus(a) != Protocol.STATUS_OK;
            case INVALID -> kind == EventKind.BUFFER_INVALID;
            case PROBLEMS -> kind == EventKind.CHAIN_ERROR || kind == EventKind.BUFFER_INVALID
                    || kind == EventKind.RULE_VIOLATION || kind == EventKind.FAULT
                    || kind == EventKind.RESPONSE && responseStatus(a) != Protocol.STATUS_OK;
        };
    }

    /** The message type of a request or response, or -1. */
    static int messageTypeOf(EventKind kind, long a) {
        return switch (kind) {
            case REQUEST -> Request.of(a, 0).type();
            case RESPONSE -> Response.of(a, 0).type();
            default -> -1;
        };
    }

    static int responseStatus(long a) {
        return Response.of(a, 0).status();
    }

    static int responseValue(long a) {
        return Response.of(a, 0).value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficFilter f && f.kindMask == kindMask && f.messageType == messageType
                && f.line == line && f.status == status;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(kindMask) * 31 + messageType * 17 + line * 7 + status.hashCode();
    }
}
