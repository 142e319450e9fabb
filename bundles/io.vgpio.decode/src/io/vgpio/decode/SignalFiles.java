package io.vgpio.decode;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.LineState;
import io.vgpio.core.payload.Level;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.VcdReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the input of {@code vgpio decode}: a vGPIO trace (the LEVEL events, from the levels of its start state) or a
 * VCD (its 1-bit wires, named as declared), told apart by the trace's magic bytes.
 */
public final class SignalFiles {
    private static final byte[] TRACE_MAGIC = "VGPIOTRC".getBytes(StandardCharsets.US_ASCII);

    private SignalFiles() {
    }

    public static Signals read(Path file) throws IOException {
        return read(file, warning -> {
        });
    }

    /** Reads the file; a trace cut by a crash reads to its last block and says so to {@code warnings}. */
    public static Signals read(Path file, Consumer<String> warnings) throws IOException {
        if (!isTrace(file)) {
            return fromVcd(VcdReader.readWires(file));
        }
        TraceReader.Trace trace = TraceReader.read(file);
        if (trace.warning() != null) {
            warnings.accept(trace.warning());
        }
        return fromTrace(trace);
    }

    /** True for a vGPIO trace (its magic bytes), false for anything else (a VCD). */
    public static boolean isTrace(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(TRACE_MAGIC.length), TRACE_MAGIC);
        }
    }

    /** A VCD's wires; it ends at its last timestamp, as sigrok reads it. */
    public static Signals fromVcd(VcdReader.Wires wires) {
        Signals.Builder b = new Signals.Builder(wires.names(), new int[wires.names().size()]);
        for (VcdReader.Change c : wires.changes()) {
            b.change(c.timeNanos(), c.line(), c.level());
        }
        return b.build(wires.endNanos());
    }

    /** A trace's lines, named as its configuration names them (lineN when unnamed). */
    public static Signals fromTrace(TraceReader.Trace trace) {
        DeviceConfig config = trace.config();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < config.lines(); i++) {
            names.add(config.name(i).isEmpty() ? "line" + i : config.name(i));
        }
        int[] initial = new int[config.lines()];
        if (trace.startState() != null) {
            for (LineState s : trace.startState().lines()) {
                if (s.line() >= 0 && s.line() < initial.length) {
                    initial[s.line()] = s.level() == 0 ? 0 : 1;
                }
            }
        }
        Signals.Builder b = new Signals.Builder(names, initial);
        long seq = trace.log().firstSeq();
        while (true) {
            long next = trace.log().read(seq, 65536, (s, t, kind, line, a, bb) -> {
                if (kind == EventKind.LEVEL && line >= 0 && line < initial.length) {
                    b.change(Math.max(0, t), line, Level.of(a, bb).level() == 0 ? 0 : 1);
                }
            });
            if (next == seq) {
                break;
            }
            seq = next;
        }
        // a change at the very last instant still counts: the input ends just after it
        return b.build(Math.max(trace.durationNanos(), b.lastTime() + 1));
    }
}
