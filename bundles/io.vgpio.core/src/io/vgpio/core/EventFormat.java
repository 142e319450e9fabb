package io.vgpio.core;

import io.vgpio.core.parts.PartAction;
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
import io.vgpio.core.payload.Features;
import io.vgpio.core.payload.HwEdge;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.IrqTypeChange;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.PartEvent;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.core.payload.RuleViolation;
import java.util.Locale;
import java.util.function.IntFunction;

/** Turns events into one line of text each, for logs, consoles and tooltips. */
public final class EventFormat {
    private final DeviceConfig config;
    /** A part's name by its id, or null when not known (a trace read without its parts' NAME events). */
    private final IntFunction<String> partNames;

    public EventFormat(DeviceConfig config) {
        this(config, id -> null);
    }

    private EventFormat(DeviceConfig config, IntFunction<String> partNames) {
        this.config = config;
        this.partNames = partNames;
    }

    /** The same format naming parts: {@code part btn (#1)} rather than {@code part #1}. */
    public EventFormat withPartNames(IntFunction<String> names) {
        return new EventFormat(config, names);
    }

    /** A part by id: its name and id, or the id alone. */
    public String partLabel(long id) {
        String name = id >= 0 && id <= Integer.MAX_VALUE ? partNames.apply((int) id) : null;
        return name == null ? "#" + id : name + " (#" + id + ")";
    }

    private String driverLabel(long driver) {
        return driver == Contention.GUEST ? "the guest" : "part " + partLabel(driver - 1);
    }

    /** "line 3 (BUTTON)" or "line 3". */
    public String lineLabel(int line) {
        if (line < 0) {
            return "-";
        }
        String name = line < config.lines() ? config.name(line) : "";
        return name.isEmpty() ? "line " + line : "line " + line + " (" + name + ")";
    }

    public String describe(Event e) {
        return describe(e.kind(), e.line(), e.a(), e.b());
    }

    public String describe(EventKind kind, int line, long a, long b) {
        return switch (EventPayload.of(kind, a, b)) {
            case Request r -> "request  " + MessageType.describe(r.type()) + " " + lineLabel(line)
                    + argument(r.type(), r.value());
            case Response r -> "response " + MessageType.describe(r.type()) + " " + lineLabel(line) + " status="
                    + (r.ok() ? "OK" : "ERR") + result(r) + " latency=" + micros(r.latencyNanos());
            case Level l -> "level    " + lineLabel(line) + " = " + l.level() + " (" + word(l.cause()) + ")";
            case DirectionChange d -> "direction " + lineLabel(line) + " = "
                    + (d.direction() != null ? d.direction().word() : "?");
            case IrqTypeChange t -> "irq-type " + lineLabel(line) + " = "
                    + (t.irqType() != null ? t.irqType().word() : "?");
            case EventBuffer e -> "eventq   buffer queued for " + lineLabel(line) + " (interrupt unmasked)";
            case EdgeLatched e -> "latched  edge to " + e.level() + " on " + lineLabel(line)
                    + " (no eventq buffer held)";
            case Interrupt i -> "interrupt " + lineLabel(line) + " level=" + i.level() + " delivered after "
                    + micros(i.latencyNanos());
            case BufferInvalid v -> "eventq   buffer for " + lineLabel(line) + " returned INVALID ("
                    + (v.reason() == null ? "?" : v.reason().text()) + ")";
            case RuleViolation v -> {
                DriverRule r = v.rule();
                yield "VIOLATION " + lineLabel(line) + ": " + (r == null ? "?"
                        : r.severity() + " " + r.name() + " [" + r.section() + "] \"" + r.statement() + "\"");
            }
            case ChainRejected c -> "chain error on " + (c.eventq() ? "eventq" : "requestq") + ": "
                    + (c.error() != null ? c.error().name().toLowerCase(Locale.ROOT) : "?");
            case ConnectionChange c -> c.connected() ? "frontend connected" : "frontend disconnected";
            case Features f -> String.format(Locale.ROOT, "features accepted: 0x%x", f.accepted());
            case HwEdge h -> "hardware " + (h.rising() ? "rising" : "falling") + " edge on " + lineLabel(line)
                    + " (the kernel saw it " + micros(h.sinceKernelNanos()) + " before)";
            case BreakpointHit h -> "breakpoint " + h.id() + " hit (" + h.actionWord() + ") at event #" + h.hitSeq()
                    + (line >= 0 ? " on " + lineLabel(line) : "");
            case Fault f -> "FAULT    rule " + f.ruleId() + " injected "
                    + (f.effect() != null ? f.effect().word() : "?") + (line < 0 ? "" : " on " + lineLabel(line));
            case PartEvent p -> "part     " + partLabel(p.partId()) + " " + PartAction.describe(p.action(), p.value())
                    + (line < 0 ? "" : " on " + lineLabel(line));
            case Contention c -> "CONTENTION on " + lineLabel(line) + ": " + driverLabel(c.highDriver())
                    + " drives 1, " + driverLabel(c.lowDriver()) + " drives 0";
        };
    }

    private static String argument(int type, long value) {
        MessageType t = MessageType.fromWire(type);
        if (t == null) {
            return " value=" + value;
        }
        return switch (t) {
            case SET_DIRECTION -> {
                Direction d = Direction.fromWire(value);
                yield " " + (d != null ? d.word() : "invalid(" + value + ")");
            }
            case SET_VALUE -> " " + value;
            case SET_IRQ_TYPE -> {
                IrqType i = IrqType.fromWire(value);
                yield " " + (i != null ? i.word() : "invalid(" + value + ")");
            }
            default -> value == 0 ? "" : " value=" + value;
        };
    }

    private static String result(Response r) {
        if (!r.ok()) {
            return "";
        }
        MessageType t = r.messageType();
        if (t == MessageType.GET_DIRECTION) {
            Direction d = Direction.fromWire(r.value());
            return " " + (d != null ? d.word() : "?");
        }
        if (t == MessageType.GET_VALUE) {
            return " value=" + r.value();
        }
        return "";
    }

    private static String word(Cause c) {
        return c != null ? c.word() : "?";
    }

    /** Nanoseconds as microseconds with one decimal. */
    public static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }
}
