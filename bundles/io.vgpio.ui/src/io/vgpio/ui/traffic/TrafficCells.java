package io.vgpio.ui.traffic;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.Request;
import java.util.Locale;

/** The text of a traffic row: one decoded event in the table's columns. */
final class TrafficCells {
    static final int SEQ = 0;
    static final int TIME = 1;
    static final int QUEUE = 2;
    static final int TYPE = 3;
    static final int LINE = 4;
    static final int VALUE = 5;
    static final int STATUS = 6;
    static final int LATENCY = 7;
    static final int PAIR = 8;

    static final String[] TITLES = {"#", "Time (s)", "Queue", "Type", "Line", "Value", "Status", "Latency", "Pair"};
    static final int[] WIDTHS = {64, 96, 70, 150, 110, 210, 70, 80, 70};
    static final boolean[] RIGHT = {true, true, false, false, false, false, false, true, false};

    /** How a row is painted. */
    enum Tone {
        NORMAL, PROBLEM, QUIET
    }

    private TrafficCells() {
    }

    /**
     * @param partner the partner's sequence number (request &lt;-&gt; response), or -1
     */
    static String[] cells(Event e, DeviceConfig config, long startNanos, long partner) {
        String[] c = new String[TITLES.length];
        c[SEQ] = Long.toString(e.seq());
        c[TIME] = String.format(Locale.ROOT, "%.6f", (e.timeNanos() - startNanos) / 1e9);
        c[QUEUE] = "";
        c[TYPE] = "";
        c[LINE] = line(e.line(), config);
        c[VALUE] = "";
        c[STATUS] = "";
        c[LATENCY] = "";
        c[PAIR] = partner < 0 ? "" : (e.kind() == EventKind.REQUEST ? "\u2192 " : "\u2190 ") + partner;
        long a = e.a();
        long b = e.b();
        switch (e.kind()) {
            case REQUEST -> {
                int type = TrafficFilter.messageTypeOf(e.kind(), a);
                c[QUEUE] = "requestq";
                c[TYPE] = "\u25b6 " + MessageType.describe(type);
                c[VALUE] = argument(type, Request.of(a, b).value());
            }
            case RESPONSE -> {
                int type = TrafficFilter.messageTypeOf(e.kind(), a);
                int status = TrafficFilter.responseStatus(a);
                c[QUEUE] = "requestq";
                c[TYPE] = "\u25c0 " + MessageType.describe(type);
                c[STATUS] = status == Protocol.STATUS_OK ? "OK" : status == Protocol.STATUS_ERR ? "ERR"
                        : "ERR(" + status + ")";
                c[VALUE] = status == Protocol.STATUS_OK ? result(type, TrafficFilter.responseValue(a)) : "";
                c[LATENCY] = micros(b);
            }
            case EVENT_BUFFER -> {
                c[QUEUE] = "eventq";
                c[TYPE] = "\u25b6 buffer (unmask)";
                c[VALUE] = "head " + a;
            }
            case INTERRUPT -> {
                c[QUEUE] = "eventq";
                c[TYPE] = "\u25c0 interrupt";
                c[VALUE] = "level " + a;
                c[STATUS] = "VALID";
                c[LATENCY] = micros(b);
            }
            case BUFFER_INVALID -> {
                c[QUEUE] = "eventq";
                c[TYPE] = "\u25c0 buffer returned";
                c[VALUE] = invalidReason(a);
                c[STATUS] = "INVALID";
            }
            case RULE_VIOLATION -> {
                // b names the message type when a request broke the rule; eventq rules are known by their section.
                DriverRule r = DriverRule.fromWire(a);
                boolean eventq = r != null && r.section().endsWith("eventq Operation");
                c[QUEUE] = eventq ? "eventq" : b != 0 ? "requestq" : "";
                c[TYPE] = "violation";
                c[VALUE] = (r == null ? "rule " + a : r.name()) + (b != 0 ? " (" + MessageType.describe(b) + ")" : "");
                c[STATUS] = r == null ? "?" : r.severity().name();
            }
            case CHAIN_ERROR -> {
                c[QUEUE] = a == Protocol.EVENT_QUEUE ? "eventq" : "requestq";
                c[TYPE] = "chain error";
                EventKind.ChainError error = EventKind.ChainError.fromWire(b);
                c[VALUE] = error != null ? error.name().toLowerCase(Locale.ROOT) : "?";
                c[STATUS] = "ERR";
            }
            case LEVEL -> {
                c[TYPE] = "level";
                Cause cause = Cause.fromWire(b);
                c[VALUE] = a + (cause != null ? " (" + cause.word() + ")" : "");
            }
            case DIRECTION -> {
                c[TYPE] = "direction";
                Direction d = Direction.fromWire(a);
                c[VALUE] = d == null ? "?" : d.word();
            }
            case IRQ_TYPE -> {
                c[TYPE] = "irq type";
                IrqType t = IrqType.fromWire(a);
                c[VALUE] = t == null ? "?" : t.word();
            }
            case EDGE_LATCHED -> {
                c[TYPE] = "edge latched";
                c[VALUE] = "to " + a;
            }
            case CONNECTION -> {
                c[TYPE] = "connection";
                c[VALUE] = a == 1 ? "frontend connected" : "frontend disconnected";
            }
            case FEATURES -> {
                c[TYPE] = "features";
                c[VALUE] = String.format(Locale.ROOT, "0x%x", a);
            }
            case HW_EDGE -> {
                c[QUEUE] = "hardware";
                c[TYPE] = "edge";
                c[VALUE] = a == 1 ? "rising" : "falling";
                c[LATENCY] = micros(b); // since the kernel's timestamp of the edge
            }
        }
        return c;
    }

    static Tone tone(Event e) {
        return switch (e.kind()) {
            case BUFFER_INVALID, RULE_VIOLATION, CHAIN_ERROR -> Tone.PROBLEM;
            case RESPONSE -> TrafficFilter.responseStatus(e.a()) == Protocol.STATUS_OK ? Tone.NORMAL : Tone.PROBLEM;
            case REQUEST, EVENT_BUFFER, INTERRUPT -> Tone.NORMAL;
            default -> Tone.QUIET;
        };
    }

    static String line(int line, DeviceConfig config) {
        if (line < 0) {
            return "-";
        }
        if (line >= config.lines()) {
            return line + " (no such line)";
        }
        String name = config.name(line);
        return name.isEmpty() ? Integer.toString(line) : line + " " + name;
    }

    private static String argument(int type, long value) {
        MessageType t = MessageType.fromWire(type);
        if (t == null) {
            return Long.toString(value);
        }
        return switch (t) {
            case SET_DIRECTION -> {
                Direction d = Direction.fromWire(value);
                yield d != null ? d.word() : "invalid (" + value + ")";
            }
            case SET_VALUE -> Long.toString(value);
            case SET_IRQ_TYPE -> {
                IrqType i = IrqType.fromWire(value);
                yield i != null ? i.word() : "invalid (" + value + ")";
            }
            default -> value == 0 ? "" : Long.toString(value);
        };
    }

    private static String result(int type, int value) {
        MessageType t = MessageType.fromWire(type);
        if (t == MessageType.GET_DIRECTION) {
            Direction d = Direction.fromWire(value);
            return d != null ? d.word() : "? (" + value + ")";
        }
        if (t == MessageType.GET_VALUE) {
            return Integer.toString(value);
        }
        return "";
    }

    private static String invalidReason(long wire) {
        EventKind.InvalidReason r = EventKind.InvalidReason.fromWire(wire);
        return r == null ? "?" : r.brief();
    }

    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f \u00b5s", nanos / 1000.0);
    }
}
