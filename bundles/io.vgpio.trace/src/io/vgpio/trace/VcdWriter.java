package io.vgpio.trace;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.payload.Level;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Exports an event log as a Value Change Dump (IEEE 1364) that GTKWave and PulseView/sigrok read: one 1-bit wire
 * per GPIO line (named after the line), and the virtqueue traffic as event variables in a scope of their own.
 * Timescale 1 us; times count from the trace start. The values at time 0 are the levels of the log's start state
 * (a recording of a running device), or low for a log that starts with the chip.
 */
public final class VcdWriter {
    /** The virtqueue facts exported, with their VCD variable names. */
    static final Map<EventKind, String> EVENTS = new EnumMap<>(EventKind.class);

    static {
        EVENTS.put(EventKind.REQUEST, "request");
        EVENTS.put(EventKind.RESPONSE, "response");
        EVENTS.put(EventKind.EVENT_BUFFER, "eventq_buffer");
        EVENTS.put(EventKind.INTERRUPT, "interrupt");
        EVENTS.put(EventKind.BUFFER_INVALID, "buffer_invalid");
        EVENTS.put(EventKind.RULE_VIOLATION, "rule_violation");
    }

    private VcdWriter() {
    }

    /** The VCD name of a line: its name with anything but letters, digits and _ replaced, or lineN. */
    public static String wireName(DeviceConfig config, int line) {
        String n = config.name(line);
        if (n.isEmpty()) {
            return "line" + line;
        }
        return n.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** A short printable identifier code for variable i (VCD uses ASCII 33..126). */
    static String id(int i) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) (33 + i % 94));
            i = i / 94 - 1;
        } while (i >= 0);
        return b.toString();
    }

    /** The level the guest read on each line before the log's first event. */
    private static int[] initialLevels(EventLog log, int n) {
        int[] levels = new int[n];
        DeviceState start = log.startState();
        if (start != null) {
            for (LineState s : start.lines()) {
                if (s.line() >= 0 && s.line() < n) {
                    levels[s.line()] = s.level() == 0 ? 0 : 1;
                }
            }
        }
        return levels;
    }

    /**
     * Writes the VCD.
     *
     * @param startNanos the log time that becomes VCD time 0
     * @param wallClockMicros the recording's wall-clock start, for the $date header
     * @return the number of value changes written
     */
    public static long write(EventLog log, DeviceConfig config, long startNanos, long wallClockMicros, Path file)
            throws IOException {
        return write(log, config, startNanos, wallClockMicros, file, List.of());
    }

    /**
     * Writes the VCD with string variables besides the wires (decoder annotations, in a scope "decoders"), their
     * changes merged with the wires' in time order.
     *
     * @return the number of value changes written, the strings' included
     */
    public static long write(EventLog log, DeviceConfig config, long startNanos, long wallClockMicros, Path file,
            List<VcdString> strings) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            return write(log, config, startNanos, wallClockMicros, w, strings);
        }
    }

    static long write(EventLog log, DeviceConfig config, long startNanos, long wallClockMicros, Writer w)
            throws IOException {
        return write(log, config, startNanos, wallClockMicros, w, List.of());
    }

    static long write(EventLog log, DeviceConfig config, long startNanos, long wallClockMicros, Writer w,
            List<VcdString> strings) throws IOException {
        int n = config.lines();
        w.write("$date " + Instant.ofEpochMilli(wallClockMicros / 1000) + " $end\n");
        w.write("$version vGPIO Workbench $end\n");
        w.write("$comment virtio-gpio device with " + n + " lines; levels as the guest reads them $end\n");
        w.write("$timescale 1 us $end\n");
        w.write("$scope module gpio $end\n");
        for (int i = 0; i < n; i++) {
            w.write("$var wire 1 " + id(i) + " " + wireName(config, i) + " $end\n");
        }
        w.write("$upscope $end\n$scope module virtqueue $end\n");
        Map<EventKind, String> ids = new EnumMap<>(EventKind.class);
        int next = n;
        for (Map.Entry<EventKind, String> e : EVENTS.entrySet()) {
            String id = id(next++);
            ids.put(e.getKey(), id);
            w.write("$var event 1 " + id + " " + e.getValue() + " $end\n");
        }
        w.write("$upscope $end\n");
        StringChanges texts = new StringChanges(strings, next, startNanos);
        texts.declare(w);
        w.write("$enddefinitions $end\n#0\n$dumpvars\n");
        int[] initial = initialLevels(log, n);
        for (int i = 0; i < n; i++) {
            w.write(initial[i] + id(i) + "\n");
        }
        w.write("$end\n");
        long[] lastTime = {0};
        long[] changes = {0};
        IOException[] err = new IOException[1];
        long seq = log.firstSeq();
        while (true) {
            long before = seq;
            seq = log.read(seq, 65536, (s, t, kind, line, a, b) -> {
                if (err[0] != null) {
                    return;
                }
                String id = null;
                String value = null;
                if (kind == EventKind.LEVEL && line >= 0 && line < n) {
                    id = id(line);
                    value = Level.of(a, b).level() == 0 ? "0" : "1";
                } else if (ids.containsKey(kind)) {
                    id = ids.get(kind);
                    value = "1";
                }
                if (id == null) {
                    return;
                }
                long us = Math.max(0, (t - startNanos) / 1000);
                try {
                    changes[0] += texts.writeUpTo(w, us, lastTime);
                    if (us != lastTime[0]) {
                        w.write("#" + us + "\n");
                        lastTime[0] = us;
                    }
                    w.write(value + id + "\n");
                    changes[0]++;
                } catch (IOException e) {
                    err[0] = e;
                }
            });
            if (err[0] != null) {
                throw err[0];
            }
            if (seq == before) {
                changes[0] += texts.writeUpTo(w, Long.MAX_VALUE, lastTime);
                // Close the dump one microsecond after the last change: readers such as sigrok take the final
                // timestamp as the end of the capture and would drop a change made at that very time.
                w.write("#" + (lastTime[0] + 1) + "\n");
                return changes[0];
            }
        }
    }
}
