package io.vgpio.ui.state;

import io.vgpio.ui.Counts;
import io.vgpio.trace.TraceRecorder;
import java.util.Locale;

/** How the status bar and the Trace menu describe a recording in progress: file, size, duration, events. */
public final class RecordingText {
    private RecordingText() {
    }

    /** "Recording gpio.trc: 12.3 kB, 4 s, 1,234 events", or "" when nothing records. */
    public static String of(TraceRecorder rec) {
        if (rec == null) {
            return "";
        }
        return String.format(Locale.ROOT, "Recording %s: %s, %s, %s", rec.file().getFileName(),
                size(rec.bytes()), duration(rec.durationNanos()), Counts.of(rec.events(), "event"));
    }

    /** "Recorded /home/me/gpio.trc: 12.3 kB, 4 s, 1,234 events": the line the Device console gets at the end. */
    public static String ended(TraceRecorder rec) {
        return String.format(Locale.ROOT, "Recorded %s: %s, %s, %s", rec.file().toAbsolutePath(), size(rec.bytes()),
                duration(rec.durationNanos()), Counts.of(rec.events(), "event"));
    }

    /** "950 B", "12.3 kB", "4.1 MB". */
    public static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** "4 s", "2:05 min". */
    static String duration(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }
}
