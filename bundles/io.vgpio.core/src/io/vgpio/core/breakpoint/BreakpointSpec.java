package io.vgpio.core.breakpoint;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DriverRule;
import io.vgpio.core.MessageType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a breakpoint waits for and what it does, as the control socket and the configuration file write it:
 * space-separated {@code key=value} words, e.g. {@code on=request type=set-value line=3 action=hold ignore=2}.
 * Parsing checks every key and value and fails whole (a {@link BreakpointSpecException} naming the bad one), so a
 * breakpoint is never half-installed. The line stays as the user wrote it (number or name) and is resolved against
 * a device's configuration when the breakpoint is installed ({@link #resolveLine}).
 *
 * @param on     the kind of event (required)
 * @param line   the line as written, or null for any line
 * @param type   the message type (request and response), or null for any
 * @param ok     true for status OK, false for ERR (response), or null for any
 * @param value  the level (level and interrupt), or null for any
 * @param cause  who changed the level (level), or null for anyone
 * @param rule   the driver rule (violation), or null for any
 * @param action what a hit does
 * @param ignore how many hits to let pass before it acts
 */
public record BreakpointSpec(Trigger on, String line, MessageType type, Boolean ok, Integer value, Cause cause,
        DriverRule rule, Action action, long ignore) {

    /** Keys in the order {@link #format()} writes them. */
    static final List<String> KEYS = List.of("on", "line", "type", "status", "value", "cause", "rule", "action",
            "ignore");

    /** Parses a spec; every problem names its key or value. */
    public static BreakpointSpec parse(String spec) throws BreakpointSpecException {
        Map<String, String> words = words(spec);
        String onWord = words.get("on");
        if (onWord == null) {
            throw new BreakpointSpecException("on= is required: on=" + wordsOf(Trigger.values()));
        }
        Trigger on = Trigger.fromWord(onWord);
        if (on == null) {
            throw bad("on", onWord, wordsOf(Trigger.values()));
        }
        String line = words.get("line");
        if ("any".equals(line)) {
            line = null;
        }
        MessageType type = null;
        if (words.containsKey("type")) {
            only("type", on, Trigger.REQUEST, Trigger.RESPONSE);
            type = messageType(words.get("type"));
        }
        Boolean ok = null;
        if (words.containsKey("status")) {
            only("status", on, Trigger.RESPONSE);
            ok = switch (words.get("status")) {
                case "ok" -> true;
                case "err" -> false;
                default -> throw bad("status", words.get("status"), "ok|err");
            };
        }
        Integer value = null;
        if (words.containsKey("value")) {
            only("value", on, Trigger.LEVEL, Trigger.INTERRUPT);
            value = switch (words.get("value")) {
                case "0" -> 0;
                case "1" -> 1;
                default -> throw bad("value", words.get("value"), "0|1");
            };
        }
        Cause cause = null;
        if (words.containsKey("cause")) {
            only("cause", on, Trigger.LEVEL);
            cause = cause(words.get("cause"));
        }
        DriverRule rule = null;
        if (words.containsKey("rule")) {
            only("rule", on, Trigger.VIOLATION);
            rule = rule(words.get("rule"));
        }
        Action action = Action.HOLD;
        if (words.containsKey("action")) {
            action = Action.fromWord(words.get("action"));
            if (action == null) {
                throw bad("action", words.get("action"), wordsOf(Action.values()));
            }
        }
        long ignore = 0;
        if (words.containsKey("ignore")) {
            ignore = count(words.get("ignore"));
        }
        return new BreakpointSpec(on, line, type, ok, value, cause, rule, action, ignore);
    }

    /**
     * The key=value words. A word without '=' right after {@code line=} continues the line's name, since names may
     * hold spaces; anywhere else it is an error.
     */
    private static Map<String, String> words(String spec) throws BreakpointSpecException {
        Map<String, String> words = new LinkedHashMap<>();
        String last = null;
        for (String w : spec.strip().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            int eq = w.indexOf('=');
            if (eq < 0) {
                if (!"line".equals(last)) {
                    throw new BreakpointSpecException("'" + w + "' is not key=value; keys are "
                            + String.join(", ", KEYS));
                }
                words.put("line", words.get("line") + " " + w);
                continue;
            }
            String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = w.substring(eq + 1);
            if (!KEYS.contains(key)) {
                throw new BreakpointSpecException("unknown key '" + key + "'; keys are " + String.join(", ", KEYS));
            }
            if (value.isEmpty()) {
                throw new BreakpointSpecException(key + "= has no value");
            }
            if (words.put(key, value) != null) {
                throw new BreakpointSpecException(key + "= is given twice");
            }
            last = key;
        }
        return words;
    }

    private static void only(String key, Trigger on, Trigger... allowed) throws BreakpointSpecException {
        for (Trigger t : allowed) {
            if (t == on) {
                return;
            }
        }
        List<String> names = new ArrayList<>();
        for (Trigger t : allowed) {
            names.add("on=" + t.word());
        }
        throw new BreakpointSpecException(key + "= applies to " + String.join(" or ", names) + ", not on="
                + on.word());
    }

    private static BreakpointSpecException bad(String key, String value, String expected) {
        return new BreakpointSpecException("bad " + key + " '" + value + "'; expected " + expected);
    }

    private static String wordsOf(Enum<?>[] values) {
        List<String> w = new ArrayList<>();
        for (Enum<?> v : values) {
            w.add(v instanceof Trigger t ? t.word() : ((Action) v).word());
        }
        return String.join("|", w);
    }

    /** get-names for GET_LINE_NAMES (as the grammar names it), else the type's name in kebab case. */
    static String typeWord(MessageType t) {
        return t == MessageType.GET_LINE_NAMES ? "get-names" : t.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static MessageType messageType(String word) throws BreakpointSpecException {
        List<String> all = new ArrayList<>();
        for (MessageType t : MessageType.values()) {
            if (typeWord(t).equals(word)) {
                return t;
            }
            all.add(typeWord(t));
        }
        throw bad("type", word, String.join("|", all));
    }

    private static Cause cause(String word) throws BreakpointSpecException {
        List<String> all = new ArrayList<>();
        for (Cause c : Cause.values()) {
            if (c.word().equals(word)) {
                return c;
            }
            all.add(c.word());
        }
        throw bad("cause", word, String.join("|", all));
    }

    private static DriverRule rule(String word) throws BreakpointSpecException {
        for (DriverRule r : DriverRule.values()) {
            if (r.name().equalsIgnoreCase(word.replace('-', '_'))) {
                return r;
            }
        }
        throw bad("rule", word, "a driver rule's name, e.g. " + DriverRule.IRQ_ON_OUTPUT.name());
    }

    private static long count(String word) throws BreakpointSpecException {
        try {
            long n = Long.parseLong(word);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("ignore", word, "a whole number from 0");
    }

    /**
     * The line this spec names on a device, or -1 for any line.
     *
     * @throws BreakpointSpecException if the device has no such line
     */
    public int resolveLine(DeviceConfig config) throws BreakpointSpecException {
        if (line == null) {
            return -1;
        }
        int index = config.lineIndex(line);
        if (index < 0) {
            throw new BreakpointSpecException("bad line '" + line + "'; lines are 0.." + (config.lines() - 1)
                    + (config.hasNames() ? ", a line name" : "") + " or any");
        }
        return index;
    }

    /** The spec in its canonical form, which {@link #parse} reads back to an equal spec. */
    public String format() {
        StringBuilder s = new StringBuilder("on=").append(on.word());
        if (line != null) {
            s.append(" line=").append(line);
        }
        if (type != null) {
            s.append(" type=").append(typeWord(type));
        }
        if (ok != null) {
            s.append(" status=").append(ok ? "ok" : "err");
        }
        if (value != null) {
            s.append(" value=").append(value);
        }
        if (cause != null) {
            s.append(" cause=").append(cause.word());
        }
        if (rule != null) {
            s.append(" rule=").append(rule.name());
        }
        s.append(" action=").append(action.word());
        if (ignore > 0) {
            s.append(" ignore=").append(ignore);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
