package io.vgpio.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simulated line bound to a physical line of a Linux GPIO chip: what the user asked for, not whether it works
 * right now (the binding runtime lives in {@code io.vgpio.gpiocdev}). Immutable.
 *
 * <p>Text form, used by the configuration file ({@code bind.3 = ...}), {@code --bind 3=...} and the control socket;
 * words are separated by spaces or commas, in any order after the first two:
 *
 * <pre>
 * in  gpiochip1:5      bias=pull-up debounce=5ms active-low
 * out gpiochip1:LED0   drive=open-drain
 * in  /dev/gpiochip2:7 bias=disabled
 * </pre>
 *
 * The chip is a chip name ({@code gpiochip1}), a device path, or the chip's label (which survives replugging a USB
 * adapter, unlike its number); the physical line is an offset or a line name.
 *
 * @param line the simulated line
 * @param mode which way levels flow
 * @param chip the chip selector, as typed
 * @param physical the physical line selector: an offset or a line name
 * @param debounceMicros uAPI debounce period for inputs, 0 for none
 */
public record LineBinding(int line, Mode mode, String chip, String physical, Bias bias, boolean activeLow,
        Drive drive, long debounceMicros) {

    /** Longest debounce the kernel's u32 microsecond field allows that still makes sense: one second. */
    public static final long MAX_DEBOUNCE_MICROS = 1_000_000;

    /** Which way levels flow. */
    public enum Mode {
        /** Physical input to guest input: edges from the chip change the line and raise interrupts. */
        IN,
        /** Guest output to physical output: SET_VALUE and SET_DIRECTION(OUT) drive the pin. */
        OUT;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Bias of the physical line (uAPI v2 flags). AS_IS leaves what the chip has. */
    public enum Bias {
        AS_IS("as-is"), PULL_UP("pull-up"), PULL_DOWN("pull-down"), DISABLED("disabled");

        private final String word;

        Bias(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Output drive of the physical line. */
    public enum Drive {
        PUSH_PULL("push-pull"), OPEN_DRAIN("open-drain"), OPEN_SOURCE("open-source");

        private final String word;

        Drive(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public LineBinding {
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
        if (chip == null || chip.isBlank() || physical == null || physical.isBlank()) {
            throw new IllegalArgumentException("chip and physical line must be given");
        }
        if (debounceMicros < 0 || debounceMicros > MAX_DEBOUNCE_MICROS) {
            throw new IllegalArgumentException("debounce " + debounceMicros + " us");
        }
    }

    /** An input binding with the chip's own bias, active-high, no debounce. */
    public static LineBinding input(int line, String chip, String physical) {
        return new LineBinding(line, Mode.IN, chip, physical, Bias.AS_IS, false, Drive.PUSH_PULL, 0);
    }

    /** A push-pull, active-high output binding. */
    public static LineBinding output(int line, String chip, String physical) {
        return new LineBinding(line, Mode.OUT, chip, physical, Bias.AS_IS, false, Drive.PUSH_PULL, 0);
    }

    /** The physical line as an offset, or -1 when it is given by name. */
    public int physicalOffset() {
        return DeviceConfig.isNumber(physical) ? Integer.parseInt(physical) : -1;
    }

    /** "gpiochip1:5". */
    public String target() {
        return chip + ":" + physical;
    }

    /** The text form, without the simulated line: {@code in gpiochip1:5 bias=pull-up}. */
    public String spec() {
        StringBuilder s = new StringBuilder(mode.word()).append(' ').append(target());
        if (bias != Bias.AS_IS) {
            s.append(" bias=").append(bias.word());
        }
        if (activeLow) {
            s.append(" active-low");
        }
        if (drive != Drive.PUSH_PULL) {
            s.append(" drive=").append(drive.word());
        }
        if (debounceMicros > 0) {
            s.append(" debounce=").append(debounceMicros % 1000 == 0 ? debounceMicros / 1000 + "ms" : debounceMicros + "us");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "line " + line + " <- " + spec();
    }

    /**
     * Parses the text form.
     *
     * @param where names the source in errors ("gpio.conf:4", "--bind")
     */
    public static LineBinding parse(int line, String text, String where) throws ConfigException {
        List<String> words = new ArrayList<>();
        // Words end at any character strip() drops (\s alone misses U+001C..U+001F and Unicode spaces): else a
        // chip or line ending in one would not read back from the configuration file that format() writes.
        for (String w : text.strip().split("[\\p{javaWhitespace},]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        String usage = "; write e.g. 'in gpiochip1:5 bias=pull-up debounce=5ms' or 'out gpiochip1:2 drive=open-drain'.";
        if (words.size() < 2) {
            throw new ConfigException(where + ": the binding of line " + line + " ('" + text.strip()
                    + "') needs a direction (in or out) and a CHIP:LINE" + usage);
        }
        Mode mode = switch (words.get(0).toLowerCase(Locale.ROOT)) {
            case "in", "input" -> Mode.IN;
            case "out", "output" -> Mode.OUT;
            default -> throw new ConfigException(where + ": a binding starts with in or out, not '" + words.get(0)
                    + "'" + usage);
        };
        String target = words.get(1);
        int colon = target.lastIndexOf(':');
        String chip = colon < 0 ? "" : target.substring(0, colon);
        String physical = target.substring(colon + 1);
        // isBlank(), as the constructor checks: the split above leaves characters such as U+001D inside a word.
        if (chip.isBlank() || physical.isBlank()) {
            throw new ConfigException(where + ": '" + target + "' is not CHIP:LINE (a chip name, path or label, a"
                    + " colon, then a line offset or name)" + usage);
        }
        if (DeviceConfig.isNumber(physical) && (physical.length() > 5 || Integer.parseInt(physical) > 65535)) {
            throw new ConfigException(where + ": line offset " + physical + " is out of range.");
        }
        Bias bias = Bias.AS_IS;
        Drive drive = Drive.PUSH_PULL;
        boolean activeLow = false;
        long debounce = 0;
        for (String w : words.subList(2, words.size())) {
            String lw = w.toLowerCase(Locale.ROOT);
            int eq = lw.indexOf('=');
            String key = eq < 0 ? lw : lw.substring(0, eq);
            String value = eq < 0 ? "" : lw.substring(eq + 1);
            switch (key) {
                case "active-low" -> activeLow = true;
                case "active-high" -> activeLow = false;
                case "bias" -> bias = word(Bias.values(), value, Bias::word, where, "bias");
                case "drive" -> drive = word(Drive.values(), value, Drive::word, where, "drive");
                case "pull-up", "pull-down" -> bias = word(Bias.values(), key, Bias::word, where, "bias");
                case "open-drain", "open-source", "push-pull" -> drive = word(Drive.values(), key, Drive::word, where, "drive");
                case "debounce" -> debounce = duration(value, where);
                default -> throw new ConfigException(where + ": unknown binding option '" + w
                        + "'; options are bias=pull-up/pull-down/disabled/as-is, drive=push-pull/open-drain/open-source,"
                        + " active-low, debounce=TIME (e.g. 5ms, 200us).");
            }
        }
        if (mode == Mode.OUT && debounce > 0) {
            throw new ConfigException(where + ": debounce applies to inputs only; remove it from the 'out' binding of"
                    + " line " + line + ".");
        }
        if (mode == Mode.IN && drive != Drive.PUSH_PULL) {
            throw new ConfigException(where + ": drive applies to outputs only; remove it from the 'in' binding of"
                    + " line " + line + ".");
        }
        return new LineBinding(line, mode, chip, physical, bias, activeLow, drive, debounce);
    }

    private static <E> E word(E[] all, String value, java.util.function.Function<E, String> word, String where,
            String what) throws ConfigException {
        List<String> words = new ArrayList<>();
        for (E e : all) {
            if (word.apply(e).equals(value)) {
                return e;
            }
            words.add(word.apply(e));
        }
        throw new ConfigException(where + ": " + what + " must be one of " + String.join(", ", words) + ", not '"
                + value + "'.");
    }

    /** "5ms", "200us", "1s", or a plain number of microseconds. */
    static long duration(String value, String where) throws ConfigException {
        String digits = value.replaceAll("[a-z]+$", "");
        String unit = value.substring(digits.length());
        long factor = switch (unit) {
            case "", "us" -> 1;
            case "ms" -> 1000;
            case "s" -> 1_000_000;
            default -> -1;
        };
        if (factor < 0 || !DeviceConfig.isNumber(digits) || digits.length() > 9) {
            throw new ConfigException(where + ": debounce must be a time like 5ms or 200us, not '" + value + "'.");
        }
        long us = Long.parseLong(digits) * factor;
        if (us > MAX_DEBOUNCE_MICROS) {
            throw new ConfigException(where + ": debounce " + value + " is longer than the 1 s allowed.");
        }
        return us;
    }
}
