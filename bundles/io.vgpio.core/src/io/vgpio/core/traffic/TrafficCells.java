package io.vgpio.core.traffic;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.BreakpointHit;
import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ChainRejected;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.DirectionChange;
import io.vgpio.core.payload.EdgeLatched;
import io.vgpio.core.payload.EventBuffer;
import io.vgpio.core.payload.EventPayload;
import io.vgpio.core.payload.Contention;
import io.vgpio.core.payload.Fault;
import io.vgpio.core.payload.PartEvent;
import io.vgpio.core.parts.PartAction;
import io.vgpio.core.payload.Features;
import io.vgpio.core.payload.HwEdge;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.IrqTypeChange;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.core.payload.RuleViolation;
import java.util.List;
import java.util.Locale;

/** The text of a traffic row: one decoded event in the table's columns. */
public final class TrafficCells {
    public static final int SEQ = 0;
    public static final int TIME = 1;
    public static final int QUEUE = 2;
    public static final int TYPE = 3;
    public static final int LINE = 4;
    public static final int VALUE = 5;
    public static final int STATUS = 6;
    public static final int LATENCY = 7;
    public static final int PAIR = 8;

    private static final String[] TITLES = {"#", "Time (s)", "Queue", "Type", "Line", "Value", "Status", "Latency",
            "Pair"};

    /** How a row is painted. */
    public enum Tone {
        NORMAL, PROBLEM, QUIET
    }

    private TrafficCells() {
    }

    /** The column titles, in column order. */
    public static List<String> titles() {
        return List.of(TITLES);
    }

    /**
     * @param partner the partner's sequence number (request &lt;-&gt; response), or -1
     */
    public static String[] cells(Event e, DeviceConfig config, long startNanos, long partner) {
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
        switch (EventPayload.of(e)) {
            case Request r -> {
                c[QUEUE] = "requestq";
                c[TYPE] = "\u25b6 " + MessageType.describe(r.type());
                c[VALUE] = argument(r.type(), r.value());
            }
            case Response r -> {
                c[QUEUE] = "requestq";
                c[TYPE] = "\u25c0 " + MessageType.describe(r.type());
                c[STATUS] = r.ok() ? "OK" : r.status() == Protocol.STATUS_ERR ? "ERR" : "ERR(" + r.status() + ")";
                c[VALUE] = r.ok() ? result(r.type(), r.value()) : "";
                c[LATENCY] = micros(r.latencyNanos());
            }
            case EventBuffer buffer -> {
                c[QUEUE] = "eventq";
                c[TYPE] = "\u25b6 buffer (unmask)";
                c[VALUE] = "head " + buffer.head();
            }
            case Interrupt irq -> {
                c[QUEUE] = "eventq";
                c[TYPE] = "\u25c0 interrupt";
                c[VALUE] = "level " + irq.level();
                c[STATUS] = "VALID";
                c[LATENCY] = micros(irq.latencyNanos());
            }
            case BufferInvalid invalid -> {
                c[QUEUE] = "eventq";
                c[TYPE] = "\u25c0 buffer returned";
                c[VALUE] = invalid.reason() == null ? "?" : invalid.reason().brief();
                c[STATUS] = "INVALID";
            }
            case RuleViolation v -> {
                // A request that broke the rule is named; eventq rules are known by their section.
                DriverRule r = v.rule();
                boolean eventq = r != null && r.section().endsWith("eventq Operation");
                c[QUEUE] = eventq ? "eventq" : v.byMessage() ? "requestq" : "";
                c[TYPE] = "violation";
                c[VALUE] = (r == null ? "rule " + v.ruleWire() : r.name())
                        + (v.byMessage() ? " (" + MessageType.describe(v.messageType()) + ")" : "");
                c[STATUS] = r == null ? "?" : r.severity().name();
            }
            case ChainRejected chain -> {
                c[QUEUE] = chain.eventq() ? "eventq" : "requestq";
                c[TYPE] = "chain error";
                c[VALUE] = chain.error() != null ? chain.error().name().toLowerCase(Locale.ROOT) : "?";
                c[STATUS] = "ERR";
            }
            case Level level -> {
                c[TYPE] = "level";
                Cause cause = level.cause();
                c[VALUE] = level.level() + (cause != null ? " (" + cause.word() + ")" : "");
            }
            case DirectionChange d -> {
                c[TYPE] = "direction";
                c[VALUE] = d.direction() == null ? "?" : d.direction().word();
            }
            case IrqTypeChange t -> {
                c[TYPE] = "irq type";
                c[VALUE] = t.irqType() == null ? "?" : t.irqType().word();
            }
            case EdgeLatched latched -> {
                c[TYPE] = "edge latched";
                c[VALUE] = "to " + latched.level();
            }
            case ConnectionChange connection -> {
                c[TYPE] = "connection";
                c[VALUE] = connection.connected() ? "frontend connected" : "frontend disconnected";
            }
            case Features features -> {
                c[TYPE] = "features";
                c[VALUE] = String.format(Locale.ROOT, "0x%x", features.accepted());
            }
            case HwEdge edge -> {
                c[QUEUE] = "hardware";
                c[TYPE] = "edge";
                c[VALUE] = edge.rising() ? "rising" : "falling";
                c[LATENCY] = micros(edge.sinceKernelNanos()); // since the kernel's timestamp of the edge
            }
            case BreakpointHit hit -> {
                c[TYPE] = "breakpoint";
                c[VALUE] = hit.id() + " " + hit.actionWord() + " at #" + hit.hitSeq();
            }
            case Fault fault -> {
                c[QUEUE] = "fault";
                c[TYPE] = "fault";
                c[VALUE] = (fault.effect() != null ? fault.effect().word() : "?") + " (rule " + fault.ruleId() + ")";
                c[STATUS] = "FAULT";
            }
            case PartEvent part -> {
                c[QUEUE] = "part";
                c[TYPE] = "part #" + part.partId();
                c[VALUE] = PartAction.describe(part.action(), part.value());
            }
            case Contention contention -> {
                c[QUEUE] = "net";
                c[TYPE] = "contention";
                c[VALUE] = Contention.describe(contention.highDriver()) + " 1, "
                        + Contention.describe(contention.lowDriver()) + " 0";
                c[STATUS] = "CONTENTION";
            }
        }
        return c;
    }

    public static Tone tone(Event e) {
        return switch (e.kind()) {
            case BUFFER_INVALID, RULE_VIOLATION, CHAIN_ERROR, FAULT, CONTENTION -> Tone.PROBLEM;
            case RESPONSE -> TrafficFilter.responseStatus(e.a()) == Protocol.STATUS_OK ? Tone.NORMAL : Tone.PROBLEM;
            case REQUEST, EVENT_BUFFER, INTERRUPT -> Tone.NORMAL;
            default -> Tone.QUIET;
        };
    }

    public static String line(int line, DeviceConfig config) {
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

    public static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f \u00b5s", nanos / 1000.0);
    }
}
