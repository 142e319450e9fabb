package io.vgpio.core;

import io.vgpio.core.breakpoint.BreakpointKeys;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.fault.FaultSpec;
import io.vgpio.core.fault.FaultSpecException;
import io.vgpio.core.fault.FaultSpecParser;
import io.vgpio.core.parts.PartSettings;
import io.vgpio.core.parts.PartSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the device looks like to a guest: the number of lines, their optional names and whether interrupts are
 * offered. Immutable; every instance is valid.
 *
 * <p>The file form is line oriented ({@code key = value}, {@code #} comments):
 *
 * <pre>
 * lines = 8
 * irq = on
 * names = LED,,BUTTON
 * name.7 = RESET
 * bind.2 = in gpiochip1:5 bias=pull-up debounce=5ms
 * </pre>
 *
 * {@code bind.N} binds line N to a physical line of a Linux GPIO chip; see {@link LineBinding} for the form.
 * {@code fault.N = SPEC} installs a fault rule when the device starts, in the grammar of the control socket's
 * {@code fault add} ({@link FaultSpecParser}); rules are added in the order of N. {@code break.N = SPEC} is a
 * breakpoint installed when the device starts, in the order of N ({@link BreakpointSpec}). {@code part.NAME = TYPE
 * key=value ...} attaches a simulated part (issue 14, {@link PartSpecs}), in the order of the file.
 */
public final class DeviceConfig {
    public static final int DEFAULT_LINES = 8;

    private final int lines;
    private final String[] names;
    private final boolean irq;
    private final SortedMap<Integer, LineBinding> bindings;
    private final SortedMap<Integer, FaultSpec> faults;
    private final SortedMap<Integer, BreakpointSpec> breakpoints;
    private final Map<String, PartSettings> parts;

    private DeviceConfig(int lines, String[] names, boolean irq, SortedMap<Integer, LineBinding> bindings,
            SortedMap<Integer, FaultSpec> faults, SortedMap<Integer, BreakpointSpec> breakpoints,
            Map<String, PartSettings> parts) {
        this.lines = lines;
        this.names = names;
        this.irq = irq;
        this.bindings = Collections.unmodifiableSortedMap(bindings);
        this.faults = Collections.unmodifiableSortedMap(faults);
        this.breakpoints = Collections.unmodifiableSortedMap(breakpoints);
        this.parts = Collections.unmodifiableMap(parts);
    }

    /** Eight unnamed lines with interrupts. */
    public static DeviceConfig defaults() {
        return new DeviceConfig(DEFAULT_LINES, emptyNames(DEFAULT_LINES), true, new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), Map.of());
    }

    private static String[] emptyNames(int n) {
        String[] s = new String[n];
        Arrays.fill(s, "");
        return s;
    }

    public int lines() {
        return lines;
    }

    /** Name of a line, "" when unnamed. */
    public String name(int line) {
        return names[line];
    }

    public boolean irq() {
        return irq;
    }

    /** Hardware bindings by simulated line, in line order; empty when nothing is bound. */
    public SortedMap<Integer, LineBinding> bindings() {
        return bindings;
    }

    /** The {@code break.N} breakpoints by N, installed in that order when the device starts. */
    public SortedMap<Integer, BreakpointSpec> breakpoints() {
        return breakpoints;
    }

    /** The fault rules to install when the device starts ({@code fault.N}), by N. */
    public SortedMap<Integer, FaultSpec> faults() {
        return faults;
    }

    /** The simulated parts to attach when the device starts ({@code part.NAME}), in the file's order. */
    public Map<String, PartSettings> parts() {
        return parts;
    }

    /**
     * This configuration without its parts: what a trace's header keeps, so that a reader from before parts reads
     * it and a replay's device does not run the parts again on top of their recorded level changes.
     */
    public DeviceConfig withoutParts() {
        return parts.isEmpty() ? this : new DeviceConfig(lines, names, irq, bindings, faults, breakpoints, Map.of());
    }

    /** The binding of a line, or null. */
    public LineBinding binding(int line) {
        return bindings.get(line);
    }

    public boolean hasNames() {
        for (String n : names) {
            if (!n.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The GET_LINE_NAMES blob: each name NUL-terminated, in line order; empty when no line has a name. */
    public byte[] namesBlob() {
        if (!hasNames()) {
            return new byte[0];
        }
        int size = 0;
        for (String n : names) {
            size += n.length() + 1;
        }
        byte[] blob = new byte[size];
        int p = 0;
        for (String n : names) {
            byte[] b = n.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, blob, p, b.length);
            p += b.length + 1;
        }
        return blob;
    }

    /** Line index for a number or a name, or -1. */
    public int lineIndex(String token) {
        if (token == null || token.isEmpty()) {
            return -1;
        }
        if (isNumber(token)) {
            try {
                int n = Integer.parseInt(token);
                return n < lines ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        for (int i = 0; i < lines; i++) {
            if (names[i].equals(token)) {
                return i;
            }
        }
        return -1;
    }

    /** A non-empty run of ASCII digits. */
    static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A copy with other settings; see {@link Builder}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.lines = lines;
        b.irq = irq;
        for (int i = 0; i < lines; i++) {
            if (!names[i].isEmpty()) {
                b.names.put(i, names[i]);
            }
        }
        b.bindings.putAll(bindings);
        faults.forEach((n, f) -> b.faults.put(n, new Builder.RawFault(f.text(), "configuration")));
        b.breakpoints.putAll(breakpoints);
        parts.forEach((n, p) -> b.part(n, p.text()));
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings from any source; {@link #build()} validates them all. */
    public static final class Builder {
        private int lines = DEFAULT_LINES;
        private boolean irq = true;
        private final Map<Integer, String> names = new HashMap<>();
        private final SortedMap<Integer, LineBinding> bindings = new TreeMap<>();
        private final SortedMap<Integer, RawFault> faults = new TreeMap<>();
        private final SortedMap<Integer, BreakpointSpec> breakpoints = new TreeMap<>();
        private final ConfigParts parts = new ConfigParts();
        private String origin = "configuration";

        /** A fault spec as written; checked against the lines once they are known. */
        private record RawFault(String spec, String where) {
        }

        /** Where the settings come from, for error messages ("--names", "gpio.conf:3"). */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Builder lines(int lines) throws ConfigException {
            if (lines < 1 || lines > Protocol.MAX_LINES) {
                throw new ConfigException(origin + ": line count " + lines
                        + " is out of range; give a number from 1 to " + Protocol.MAX_LINES + ".");
            }
            this.lines = lines;
            return this;
        }

        public Builder irq(boolean irq) {
            this.irq = irq;
            return this;
        }

        /** Sets the names of lines 0.. from a comma-separated list; empty entries leave a line unnamed. */
        public Builder namesList(String list) throws ConfigException {
            names.clear();
            String[] parts = list.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                // checked before trim(), which removes control characters too: a name of only control
                // characters would otherwise leave the line unnamed instead of being refused
                if (parts[i].chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                    checkName(i, parts[i]);
                }
                String n = parts[i].trim();
                if (!n.isEmpty()) {
                    name(i, n);
                }
            }
            return this;
        }

        public Builder name(int line, String name) throws ConfigException {
            checkName(line, name);
            if (name.isEmpty()) {
                names.remove(line);
            } else {
                names.put(line, name);
            }
            return this;
        }

        private void checkName(int line, String name) throws ConfigException {
            if (line < 0 || line >= Protocol.MAX_LINES) {
                throw new ConfigException(origin + ": line " + line + " does not exist; lines are numbered from 0.");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new ConfigException(origin + ": the name of line " + line + " ('" + printable(name)
                            + "') has a character that is not printable 7-bit ASCII; use letters, digits and punctuation only.");
                }
            }
            if (!name.isEmpty() && isNumber(name)) {
                throw new ConfigException(origin + ": line " + line + " is named '" + name
                        + "', a plain number, which would be mistaken for a line number; give it a name with a letter in it.");
            }
            if (!name.equals(name.trim())) {
                throw new ConfigException(origin + ": the name of line " + line + " ('" + name
                        + "') starts or ends with a space; remove the spaces.");
            }
        }

        private static String printable(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                b.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
            return b.toString();
        }

        /** Binds a line (replacing its binding), or unbinds it when binding is null. */
        public Builder bind(int line, LineBinding binding) throws ConfigException {
            if (line < 0 || line >= Protocol.MAX_LINES) {
                throw new ConfigException(origin + ": line " + line + " does not exist; lines are numbered from 0.");
            }
            if (binding == null) {
                bindings.remove(line);
            } else {
                bindings.put(line, binding);
            }
            return this;
        }

        /** Sets breakpoint N (replacing it), or removes it when spec is null; its line is checked by build. */
        public Builder breakpoint(int n, BreakpointSpec spec) {
            if (spec == null) {
                breakpoints.remove(n);
            } else {
                breakpoints.put(n, spec);
            }
            return this;
        }

        /** Sets rule {@code fault.n} (replacing one given before), checked by {@link #build()}. */
        public Builder fault(int n, String spec) {
            faults.put(n, new RawFault(spec, origin));
            return this;
        }

        /** The directory a part's relative {@code file=} is in: the configuration file's. */
        public Builder partsDir(Path dir) {
            parts.dir(dir);
            return this;
        }

        /** Sets part {@code part.name} (replacing one given before), checked by {@link #build()}. */
        public Builder part(String name, String spec) {
            parts.put(name, spec, origin);
            return this;
        }

        public DeviceConfig build() throws ConfigException {
            String[] n = emptyNames(lines);
            Map<String, Integer> seen = new HashMap<>();
            for (Map.Entry<Integer, String> e : names.entrySet()) {
                int line = e.getKey();
                if (line >= lines) {
                    throw new ConfigException(origin + ": a name is given for line " + line + " ('" + e.getValue()
                            + "') but the device has only " + lines + " lines (0.." + (lines - 1)
                            + "); remove the name or raise the line count.");
                }
                Integer other = seen.put(e.getValue(), line);
                if (other != null) {
                    throw new ConfigException(origin + ": lines " + Math.min(other, line) + " and "
                            + Math.max(other, line) + " are both named '" + e.getValue()
                            + "'; line names must be unique, rename one of them.");
                }
                n[line] = e.getValue();
            }
            Map<String, Integer> targets = new HashMap<>();
            for (LineBinding bnd : bindings.values()) {
                if (bnd.line() >= lines) {
                    throw new ConfigException(origin + ": line " + bnd.line() + " is bound (" + bnd.spec()
                            + ") but the device has only " + lines + " lines (0.." + (lines - 1)
                            + "); remove the binding or raise the line count.");
                }
                Integer other = targets.put(bnd.target(), bnd.line());
                if (other != null) {
                    throw new ConfigException(origin + ": lines " + other + " and " + bnd.line()
                            + " are both bound to " + bnd.target() + "; a physical line can serve one line only.");
                }
            }
            DeviceConfig withoutFaults = new DeviceConfig(lines, n, irq, new TreeMap<>(bindings), new TreeMap<>(),
                    new TreeMap<>(breakpoints), Map.of());
            BreakpointKeys.checkLines(withoutFaults, origin);
            SortedMap<Integer, FaultSpec> specs = new TreeMap<>();
            for (Map.Entry<Integer, RawFault> f : faults.entrySet()) {
                try {
                    specs.put(f.getKey(), FaultSpecParser.parse(f.getValue().spec(), withoutFaults));
                } catch (FaultSpecException e) {
                    throw new ConfigException(f.getValue().where() + ": fault." + f.getKey() + ": " + e.getMessage()
                            + ".");
                }
            }
            return new DeviceConfig(lines, n, irq, new TreeMap<>(bindings), specs, new TreeMap<>(breakpoints),
                    parts.check(withoutFaults));
        }
    }

    /** Reads a configuration file. Errors name the file, the line and the fix. */
    public static DeviceConfig load(Path file) throws ConfigException {
        return parse(file).build();
    }

    /**
     * Reads a configuration file into a builder (so command-line options can still override it). Errors name the
     * file, the line and the fix; a byte that is not UTF-8 is one of them.
     */
    public static Builder parse(Path file) throws ConfigException {
        return parse(ConfigText.readLines(file), file.toString())
                .partsDir(file.toAbsolutePath().getParent());
    }

    /** Parses configuration text into a builder (so command-line options can still override it). */
    public static Builder parse(List<String> text, String fileName) throws ConfigException {
        return ConfigFile.parse(text, fileName);
    }

    /** The file form of this configuration; {@link #load} reads it back to an equal configuration. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append("# vGPIO device configuration\n");
        s.append("lines = ").append(lines).append('\n');
        s.append("irq = ").append(irq ? "on" : "off").append('\n');
        for (int i = 0; i < lines; i++) {
            if (!names[i].isEmpty()) {
                s.append("name.").append(i).append(" = ").append(names[i]).append('\n');
            }
        }
        for (LineBinding b : bindings.values()) {
            s.append("bind.").append(b.line()).append(" = ").append(b.spec()).append('\n');
        }
        faults.forEach((n, f) -> s.append("fault.").append(n).append(" = ").append(f.text()).append('\n'));
        breakpoints.forEach((n, spec) -> s.append("break.").append(n).append(" = ").append(spec.format())
                .append('\n'));
        parts.forEach((n, p) -> s.append("part.").append(n).append(" = ").append(p.text()).append('\n'));
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceConfig c && c.lines == lines && c.irq == irq && Arrays.equals(c.names, names)
                && c.bindings.equals(bindings) && c.faults.equals(faults)
                && c.breakpoints.equals(breakpoints) && PartSpecs.texts(c.parts).equals(PartSpecs.texts(parts));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + lines * 2 + (irq ? 1 : 0);
    }
}
