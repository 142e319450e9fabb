package io.vgpio.core.parts;

import io.vgpio.core.DeviceConfig;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A part spec {@code TYPE key=value ...} read against the device's lines: lines by number or name, durations with a
 * unit ({@code 5ms}, {@code 250us}, {@code 1s}), addresses in hex ({@code 0x48}). Each error names the key and says
 * what would be right. A key the type does not know is an error too ({@link #finish}).
 */
public final class PartArgs {
    private final PartType type;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> unread;
    private final DeviceConfig config;
    private Path baseDir;

    private PartArgs(PartType type, DeviceConfig config) {
        this.type = type;
        this.config = config;
        this.unread = new LinkedHashMap<>();
    }

    /**
     * Splits a spec into its type and keys.
     *
     * @param baseDir where a relative {@code file=} is found (the configuration file's directory), or null for the
     *        working directory
     */
    public static PartArgs parse(String spec, DeviceConfig config, Path baseDir) throws PartException {
        String[] words = spec.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new PartException("a part needs a type: one of " + String.join(", ", PartType.words()));
        }
        PartType type = PartType.fromWord(words[0]);
        if (type == null) {
            throw new PartException("unknown part type '" + words[0] + "'; types are "
                    + String.join(", ", PartType.words()));
        }
        PartArgs a = new PartArgs(type, config);
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new PartException("'" + words[i] + "' should be key=value, e.g. line=3");
            }
            String key = words[i].substring(0, eq);
            if (a.values.put(key, words[i].substring(eq + 1)) != null) {
                throw new PartException("key '" + key + "' is given twice; give it once");
            }
        }
        a.unread.putAll(a.values);
        a.baseDir = baseDir;
        return a;
    }

    public PartType type() {
        return type;
    }

    public DeviceConfig config() {
        return config;
    }

    /** Refuses keys no reader asked for, listing the type's keys. */
    public void finish(List<String> keys) throws PartException {
        if (!unread.isEmpty()) {
            throw new PartException("unknown key '" + unread.keySet().iterator().next() + "' for a " + type.word()
                    + "; its keys are " + String.join(", ", keys));
        }
    }

    private String take(String key) {
        unread.remove(key);
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private String required(String key, String example) throws PartException {
        String v = take(key);
        if (v == null || v.isEmpty()) {
            throw new PartException("a " + type.word() + " needs " + key + "=, e.g. " + key + "=" + example);
        }
        return v;
    }

    /** A line by number or name. */
    public int line(String key) throws PartException {
        return lineOf(key, required(key, "3"));
    }

    /** An optional line, -1 when the key is not given. */
    public int optionalLine(String key) throws PartException {
        String v = take(key);
        return v == null ? -1 : lineOf(key, v);
    }

    private int lineOf(String key, String v) throws PartException {
        int line = config.lineIndex(v);
        if (line < 0) {
            throw new PartException(key + "=" + v + " names no line; give a line number from 0 to "
                    + (config.lines() - 1) + (config.hasNames() ? " or a line name" : ""));
        }
        return line;
    }

    /** One of some words; the first is the default when the key is not given. */
    public String choice(String key, String... words) throws PartException {
        String v = take(key);
        if (v == null) {
            return words[0];
        }
        for (String w : words) {
            if (w.equals(v)) {
                return v;
            }
        }
        throw new PartException(key + "=" + v + " is not one of " + String.join(", ", words));
    }

    /** A duration with its unit, in nanoseconds, from 1 µs to one hour; {@code fallback} when not given. */
    public long duration(String key, long fallback) throws PartException {
        String v = take(key);
        return v == null ? fallback : duration(key, v);
    }

    public long requiredDuration(String key, String example) throws PartException {
        return duration(key, required(key, example));
    }

    static long duration(String key, String v) throws PartException {
        String lower = v.toLowerCase(Locale.ROOT);
        long unit;
        String digits;
        if (lower.endsWith("us")) {
            unit = 1_000;
            digits = lower.substring(0, lower.length() - 2);
        } else if (lower.endsWith("ms")) {
            unit = 1_000_000;
            digits = lower.substring(0, lower.length() - 2);
        } else if (lower.endsWith("s")) {
            unit = 1_000_000_000;
            digits = lower.substring(0, lower.length() - 1);
        } else {
            throw new PartException(key + "=" + v + " needs a unit: us, ms or s, e.g. " + key + "=5ms");
        }
        try {
            long nanos = new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)).longValueExact();
            if (nanos >= 1_000 && nanos <= 3_600_000_000_000L) {
                return nanos;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new PartException(key + "=" + v + " must be a duration from 1us to 3600s, e.g. " + key + "=5ms");
    }

    /** A 7-bit I2C address in hex, e.g. 0x48. */
    public int address(String key, String example) throws PartException {
        String v = required(key, example);
        if (v.startsWith("0x") || v.startsWith("0X")) {
            try {
                int a = Integer.parseInt(v.substring(2), 16);
                if (a >= 0x08 && a <= 0x77) {
                    return a;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new PartException(key + "=" + v + " must be a 7-bit I2C address in hex from 0x08 to 0x77, e.g. "
                + key + "=" + example);
    }

    /** A whole number in a range (decimal or 0x hex); {@code fallback} when not given. */
    public long number(String key, long min, long max, long fallback) throws PartException {
        String v = take(key);
        return v == null ? fallback : number(key, v, min, max);
    }

    public static long number(String key, String v, long min, long max) throws PartException {
        try {
            long n = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PartException(key + "=" + v + " must be a whole number from " + min + " to " + max);
    }

    /** A file, absolute once read: relative to the configuration file's directory; null when not given. */
    public Path path(String key) throws PartException {
        String v = take(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            Path p = Path.of(v);
            return (baseDir == null ? p.toAbsolutePath() : baseDir.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new PartException(key + "=" + v + " is not a usable file name: " + e.getReason());
        }
    }

    /** A text value as given, or null. */
    public String text(String key) {
        return take(key);
    }

    /** A decimal number, or {@code fallback}. */
    public BigDecimal decimal(String key, BigDecimal fallback) throws PartException {
        String v = take(key);
        if (v == null) {
            return fallback;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new PartException(key + "=" + v + " must be a decimal number, e.g. " + key + "=21.5");
        }
    }
}
