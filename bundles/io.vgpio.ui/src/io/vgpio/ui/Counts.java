package io.vgpio.ui;

import java.util.Locale;

/** Counts in status texts read as English: "1 event", "2 events", "1,234 events". */
public final class Counts {
    private Counts() {
    }

    /** n with thousands separators and the noun, plural unless n is 1 (noun + "s"). */
    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
