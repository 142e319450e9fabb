package io.vgpio.core;

import java.util.Locale;

/** Turns events into one line of text each, for logs, consoles and tooltips. */
public final class EventFormat {
    private final DeviceConfig config;

    public EventFormat(DeviceConfig config) {
        this.config = config;
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
        return switch (kind) {
            case REQUEST -> {
                int type = (int) (a >>> 32);
                long value = a & 0xffffffffL;
                yield "request  " + MessageType.describe(type) + " " + lineLabel(line) + argument(type, value);
            }
            case RESPONSE -> {
                int type = (int) (a >>> 16) & 0xffff;
                int status = (int) (a >>> 8) & 0xff;
                int value = (int) a & 0xff;
                yield "response " + MessageType.describe(type) + " " + lineLabel(line) + " status="
                        + (status == Protocol.STATUS_OK ? "OK" : "ERR") + result(type, status, value) + " latency="
                        + micros(b);
            }
            case LEVEL -> "level    " + lineLabel(line) + " = " + a + " (" + causeWord(b) + ")";
            case DIRECTION -> {
                Direction d = Direction.fromWire(a);
                yield "direction " + lineLabel(line) + " = " + (d != null ? d.word() : "?");
            }
            case IRQ_TYPE -> {
                IrqType t = IrqType.fromWire(a);
                yield "irq-type " + lineLabel(line) + " = " + (t != null ? t.word() : "?");
            }
            case EVENT_BUFFER -> "eventq   buffer queued for " + lineLabel(line) + " (interrupt unmasked)";
            case EDGE_LATCHED -> "latched  edge to " + a + " on " + lineLabel(line) + " (no eventq buffer held)";
            case INTERRUPT -> "interrupt " + lineLabel(line) + " level=" + a + " delivered after " + micros(b);
            case BUFFER_INVALID -> "eventq   buffer for " + lineLabel(line) + " returned INVALID ("
                    + invalidReason(a) + ")";
            case RULE_VIOLATION -> {
                DriverRule r = DriverRule.fromWire(a);
                yield "VIOLATION " + lineLabel(line) + ": " + (r == null ? "?"
                        : r.severity() + " " + r.name() + " [" + r.section() + "] \"" + r.statement() + "\"");
            }
            case CHAIN_ERROR -> "chain error on " + (a == Protocol.EVENT_QUEUE ? "eventq" : "requestq") + ": "
                    + chainError(b);
            case CONNECTION -> a == 1 ? "frontend connected" : "frontend disconnected";
            case FEATURES -> String.format(Locale.ROOT, "features accepted: 0x%x", a);
            case HW_EDGE -> "hardware " + (a == 1 ? "rising" : "falling") + " edge on " + lineLabel(line)
                    + " (the kernel saw it " + micros(b) + " before)";
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

    private static String result(int type, int status, int value) {
        if (status != Protocol.STATUS_OK) {
            return "";
        }
        MessageType t = MessageType.fromWire(type);
        if (t == MessageType.GET_DIRECTION) {
            Direction d = Direction.fromWire(value);
            return " " + (d != null ? d.word() : "?");
        }
        if (t == MessageType.GET_VALUE) {
            return " value=" + value;
        }
        return "";
    }

    private static String causeWord(long wire) {
        Cause c = Cause.fromWire(wire);
        return c != null ? c.word() : "?";
    }

    private static String invalidReason(long wire) {
        EventKind.InvalidReason r = EventKind.InvalidReason.fromWire(wire);
        return r == null ? "?" : r.text();
    }

    private static String chainError(long wire) {
        EventKind.ChainError e = EventKind.ChainError.fromWire(wire);
        return e != null ? e.name().toLowerCase(Locale.ROOT) : "?";
    }

    /** Nanoseconds as microseconds with one decimal. */
    public static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }
}
