package io.vgpio.gpiocdev;

import io.vgpio.gpiocdev.internal.Uapi;
import java.util.ArrayList;
import java.util.List;

/**
 * Text listings in the layout of libgpiod's {@code gpiodetect} and {@code gpioinfo} (the 1.6 tools Debian 12
 * ships), so scripts that parse those keep working.
 */
public final class GpioListing {
    private GpioListing() {
    }

    /** One gpiodetect line: {@code gpiochip1 [gpio-sim.0-node0] (8 lines)}. */
    public static String detectLine(ChipInfo c) {
        return c.name() + " [" + c.label() + "] (" + c.lines() + " lines)";
    }

    /** The gpioinfo block of one chip: a header and one line per GPIO line, each ending in a newline. */
    public static String info(GpioChip chip) throws GpioException {
        ChipInfo c = chip.info();
        StringBuilder s = new StringBuilder();
        s.append(c.name()).append(" - ").append(c.lines()).append(" lines:\n");
        for (int i = 0; i < c.lines(); i++) {
            s.append(infoLine(chip.lineInfo(i))).append('\n');
        }
        return s.toString();
    }

    /** One gpioinfo line, without the newline. */
    public static String infoLine(LineInfo l) {
        StringBuilder s = new StringBuilder("\tline ");
        boolean[] overflow = {false};
        column(s, overflow, 3, Integer.toString(l.offset()));
        s.append(": ");
        column(s, overflow, 12, l.name().isEmpty() ? "unnamed" : "\"" + l.name() + "\"");
        s.append(' ');
        column(s, overflow, 12, !l.used() ? "unused" : l.consumer().isEmpty() ? "kernel" : "\"" + l.consumer() + "\"");
        s.append(' ');
        column(s, overflow, 8, (l.output() ? "output" : "input") + " ");
        column(s, overflow, 13, (l.activeLow() ? "active-low" : "active-high") + " ");
        List<String> flags = new ArrayList<>();
        flag(flags, l, Uapi.FLAG_USED, "used");
        flag(flags, l, Uapi.FLAG_OPEN_DRAIN, "open-drain");
        flag(flags, l, Uapi.FLAG_OPEN_SOURCE, "open-source");
        flag(flags, l, Uapi.FLAG_BIAS_PULL_UP, "pull-up");
        flag(flags, l, Uapi.FLAG_BIAS_PULL_DOWN, "pull-down");
        flag(flags, l, Uapi.FLAG_BIAS_DISABLED, "bias-disabled");
        if (!flags.isEmpty()) {
            s.append('[').append(String.join(" ", flags)).append(']');
        }
        return s.toString();
    }

    private static void flag(List<String> flags, LineInfo l, long bit, String word) {
        if ((l.flags() & bit) != 0) {
            flags.add(word);
        }
    }

    /**
     * Right-aligns text in a column of the given width, as gpioinfo does; once one field overflowed its column,
     * the rest of the line is printed without padding.
     */
    private static void column(StringBuilder s, boolean[] overflow, int width, String text) {
        if (text.length() - 1 >= width || overflow[0]) {
            overflow[0] = true;
            s.append(text);
        } else {
            s.append(" ".repeat(width - text.length())).append(text);
        }
    }
}
