package io.vgpio.trace;

import io.vgpio.core.DeviceState;
import io.vgpio.core.EventKind;
import io.vgpio.core.LineState;
import io.vgpio.core.StateLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code vgpio trace info} prints about a trace: its file, device, start, duration (until the recording
 * stopped), events by kind, whether it ended cleanly, and the device's state when the recording started, one line
 * per GPIO line as the control socket's {@code state} answers ({@link StateLine}).
 */
public final class TraceInfo {
    private TraceInfo() {
    }

    public static void print(TraceReader.Trace t, PrintStream out) throws IOException {
        out.printf(Locale.ROOT, "trace:    %s (%,d bytes)%n", t.file(), Files.size(t.file()));
        out.printf(Locale.ROOT, "device:   %d lines, interrupts %s%s%n", t.config().lines(),
                t.config().irq() ? "on" : "off", t.config().hasNames() ? ", named" : "");
        out.printf(Locale.ROOT, "started:  %s%n", Instant.ofEpochMilli(t.wallClockStartMicros() / 1000));
        out.printf(Locale.ROOT, "duration: %.6f s%n", t.durationNanos() / 1e9);
        out.printf(Locale.ROOT, "events:   %,d%s%n", t.events(), t.dropped() > 0
                ? " (" + t.dropped() + " lost while recording: the event log overran the recorder)" : "");
        if (t.unknownSkipped() > 0) {
            out.printf(Locale.ROOT, "skipped:  %,d records of event kinds this vGPIO does not know (a later version"
                    + " wrote them)%n", t.unknownSkipped());
        }
        out.printf(Locale.ROOT, "end:      %s%n", t.cutAt() >= 0
                ? "cut at byte offset " + t.cutAt() + ": the recording did not end cleanly (killed or crashed)"
                : t.version() == 1 ? "not known (a version-1 trace has no end marker)" : "complete (end marker)");
        Map<EventKind, long[]> byKind = new EnumMap<>(EventKind.class);
        t.log().read(0, Integer.MAX_VALUE, (seq, time, kind, line, a, b) ->
                byKind.computeIfAbsent(kind, k -> new long[1])[0]++);
        for (Map.Entry<EventKind, long[]> e : byKind.entrySet()) {
            out.printf(Locale.ROOT, "  %-16s %,d%n", e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()[0]);
        }
        if (t.events() > 0) {
            out.printf(Locale.ROOT, "size:     %.1f bytes an event on average%n",
                    (Files.size(t.file()) - 0.0) / t.events());
        }
        startState(t, out);
    }

    /** The state at the start: last, so that a script reads the lines after "state at start:" to the end. */
    private static void startState(TraceReader.Trace t, PrintStream out) {
        DeviceState s = t.startState();
        if (s == null) {
            out.printf(Locale.ROOT, "state at start: not recorded (trace format %d%s)%n", t.version(),
                    t.version() >= TraceFormat.VERSION ? ", written without a device" : "");
            return;
        }
        out.printf(Locale.ROOT, "at start: frontend %s, features 0x%x, %d binding%s%n",
                s.frontendAttached() ? "attached" : "none", s.acceptedFeatures(), s.bindings().size(),
                s.bindings().size() == 1 ? "" : "s");
        for (String b : s.bindings()) {
            out.println("  bound   " + b);
        }
        out.println("state at start:");
        for (LineState l : s.lines()) {
            out.println(StateLine.format(l));
        }
    }
}
