package io.vgpio.core.fault;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.MessageType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a fault spec: space-separated {@code key=value} words, keys {@code on} (required), {@code type},
 * {@code line}, {@code effect} (required), one of {@code count}, {@code every} or {@code prob}, and {@code seed}.
 * Everything is checked before a {@link FaultSpec} exists, so a bad spec never half-installs a rule; the message
 * names the bad key or value.
 */
public final class FaultSpecParser {
    static final String KEYS = "on, type, line, effect, count, every, prob, seed";
    private static final String REQUEST_EFFECTS = "err, delay:MICROSECONDS, hang or short-length";
    private static final String LINE_EFFECTS = "drop-irq, dup-irq, spurious-irq, stuck:0, stuck:1 or "
            + "glitch:WIDTH_US:RATE_PER_S";

    private FaultSpecParser() {
    }

    /**
     * @param config the device the rule is for: lines are checked against its count and may be named
     */
    public static FaultSpec parse(String spec, DeviceConfig config) throws FaultSpecException {
        Map<String, String> kv = words(spec);
        for (String key : kv.keySet()) {
            if (!(", " + KEYS + ",").contains(", " + key + ",")) {
                throw new FaultSpecException("unknown key '" + key + "'; keys are " + KEYS);
            }
        }
        String on = kv.get("on");
        if (on == null) {
            throw new FaultSpecException("on= is required: on=request or on=line");
        }
        if (!on.equals("request") && !on.equals("line")) {
            throw new FaultSpecException("on=" + on + ": must be request or line");
        }
        boolean onRequest = on.equals("request");
        MessageType type = kv.containsKey("type") ? type(kv.get("type")) : null;
        if (type != null && !onRequest) {
            throw new FaultSpecException("type=" + kv.get("type") + ": a message type is for on=request only");
        }
        int line = kv.containsKey("line") ? line(kv.get("line"), config) : FaultSpec.ANY_LINE;
        if (!onRequest && line == FaultSpec.ANY_LINE) {
            throw new FaultSpecException("line= is required with on=line");
        }
        String effectText = kv.get("effect");
        if (effectText == null) {
            throw new FaultSpecException("effect= is required: " + (onRequest ? REQUEST_EFFECTS : LINE_EFFECTS));
        }
        FaultEffect effect = effect(effectText, onRequest);
        FaultFrequency frequency = frequency(kv);
        long seed = kv.containsKey("seed") ? whole("seed=", kv.get("seed"), Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        return new FaultSpec(onRequest, type, line, effect, frequency, seed);
    }

    private static Map<String, String> words(String spec) throws FaultSpecException {
        Map<String, String> kv = new LinkedHashMap<>();
        String stripped = spec == null ? "" : spec.strip();
        if (stripped.isEmpty()) {
            throw new FaultSpecException("empty fault spec; give on=request|line effect=... (keys are " + KEYS + ")");
        }
        for (String w : stripped.split("\\s+")) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new FaultSpecException("'" + w + "' is not key=value; keys are " + KEYS);
            }
            String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
            if (kv.put(key, w.substring(eq + 1)) != null) {
                throw new FaultSpecException("key '" + key + "' is given twice");
            }
        }
        return kv;
    }

    /** The spec's word for a message type: get-names, get-direction, set-direction, get-value, ... */
    static String typeWord(MessageType t) {
        return t == MessageType.GET_LINE_NAMES ? "get-names" : t.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static MessageType type(String word) throws FaultSpecException {
        for (MessageType t : MessageType.values()) {
            if (typeWord(t).equals(word)) {
                return t;
            }
        }
        throw new FaultSpecException("type=" + word + ": must be get-names, get-direction, set-direction, "
                + "get-value, set-value or set-irq-type");
    }

    private static int line(String token, DeviceConfig config) throws FaultSpecException {
        int line = config.lineIndex(token);
        if (line < 0) {
            throw new FaultSpecException("line=" + token + ": no such line; the device has lines 0 to "
                    + (config.lines() - 1) + " (a number or a name)");
        }
        return line;
    }

    private static FaultEffect effect(String text, boolean onRequest) throws FaultSpecException {
        String[] p = text.split(":", -1);
        FaultEffect.Kind kind = FaultEffect.Kind.fromWord(p[0]);
        if (kind == null) {
            throw new FaultSpecException("effect=" + text + ": must be " + (onRequest ? REQUEST_EFFECTS
                    : LINE_EFFECTS));
        }
        if (kind.onRequest() != onRequest) {
            throw new FaultSpecException("effect=" + text + ": is an effect on " + (onRequest ? "lines" : "requests")
                    + "; with on=" + (onRequest ? "request" : "line") + " use " + (onRequest ? REQUEST_EFFECTS
                            : LINE_EFFECTS));
        }
        int params = switch (kind) {
            case DELAY, STUCK -> 1;
            case GLITCH -> 2;
            default -> 0;
        };
        if (p.length != params + 1) {
            throw new FaultSpecException("effect=" + text + ": " + kind.word() + " takes " + (params == 0
                    ? "no parameter" : params == 1 ? "one parameter" : "two parameters") + ", as in "
                    + example(kind));
        }
        return switch (kind) {
            case DELAY -> new FaultEffect(kind, whole("effect=delay:", p[1], 1, FaultEffect.MAX_DELAY_MICROS), 0);
            case STUCK -> new FaultEffect(kind, whole("effect=stuck:", p[1], 0, 1), 0);
            case GLITCH -> glitch(p[1], p[2]);
            default -> FaultEffect.of(kind);
        };
    }

    private static FaultEffect glitch(String width, String rate) throws FaultSpecException {
        long r = whole("effect=glitch:" + width + ":", rate, 1, FaultEffect.MAX_GLITCH_RATE);
        long w = whole("effect=glitch: width ", width, 1, 1_000_000 / r - 1);
        return new FaultEffect(FaultEffect.Kind.GLITCH, w, r);
    }

    private static String example(FaultEffect.Kind kind) {
        return switch (kind) {
            case DELAY -> "delay:500";
            case STUCK -> "stuck:1";
            case GLITCH -> "glitch:50:10 (50 us pulses, 10 a second)";
            default -> kind.word();
        };
    }

    private static FaultFrequency frequency(Map<String, String> kv) throws FaultSpecException {
        int given = (kv.containsKey("count") ? 1 : 0) + (kv.containsKey("every") ? 1 : 0)
                + (kv.containsKey("prob") ? 1 : 0);
        if (given > 1) {
            throw new FaultSpecException("count, every and prob exclude each other; give one of them");
        }
        if (kv.containsKey("count")) {
            return FaultFrequency.count(whole("count=", kv.get("count"), 1, Integer.MAX_VALUE));
        }
        if (kv.containsKey("every")) {
            return FaultFrequency.every(whole("every=", kv.get("every"), 1, Integer.MAX_VALUE));
        }
        if (kv.containsKey("prob")) {
            String p = kv.get("prob");
            double v;
            try {
                v = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v > 0 && v <= 1) || !p.matches("[0-9.]+")) {
                throw new FaultSpecException("prob=" + p + ": must be a number above 0 and at most 1, e.g. prob=0.25");
            }
            return FaultFrequency.probability(v);
        }
        return FaultFrequency.ALWAYS;
    }

    private static long whole(String what, String text, long min, long max) throws FaultSpecException {
        try {
            long v = Long.parseLong(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FaultSpecException(what + text + ": must be a whole number from " + min + " to " + max);
    }
}
