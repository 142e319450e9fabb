package io.vgpio.core.waveform;

import java.util.Locale;

/** Times for people: durations with a unit that fits ("12.5 us"), instants in seconds since the device started. */
public final class TimeText {
    private TimeText() {
    }

    /** A duration in ns with three significant-ish digits and a unit: "850 ns", "12.5 us", "3.20 ms", "1.50 s". */
    public static String duration(long nanos) {
        double a = Math.abs((double) nanos);
        String sign = nanos < 0 ? "-" : "";
        if (a < 1e3) {
            return sign + (long) a + " ns";
        }
        if (a < 1e6) {
            return sign + fmt(a / 1e3) + " us";
        }
        if (a < 1e9) {
            return sign + fmt(a / 1e6) + " ms";
        }
        return sign + fmt(a / 1e9) + " s";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.3f" : v < 100 ? "%.2f" : "%.1f", v);
    }

    /** An instant, ns since the device started, in seconds with microsecond digits: "12.345678 s". */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f s", nanos / 1e9);
    }

    /** A frequency for a period: "1.00 kHz". */
    public static String frequency(long periodNanos) {
        if (periodNanos == 0) {
            return "-";
        }
        double f = 1e9 / Math.abs(periodNanos);
        if (f >= 1e6) {
            return fmt(f / 1e6) + " MHz";
        }
        if (f >= 1e3) {
            return fmt(f / 1e3) + " kHz";
        }
        return fmt(f) + " Hz";
    }
}
