package io.vgpio.decode.tests;

import io.vgpio.decode.Signals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic waveform for the decoder tests: named lines, a time cursor, and level changes at the cursor. It gives
 * the same edges as {@link Signals} (for a decoder) and as a VCD with a 1 ns timescale (for sigrok-cli, which then
 * samples at 1 GHz, so one sample is one nanosecond on both sides).
 */
final class Wave {
    private final List<String> names;
    private final int[] initial;
    private final int[] level;
    private final List<long[]> changes = new ArrayList<>();
    private long now;

    Wave(String... names) {
        this.names = List.of(names);
        this.initial = new int[names.length];
        this.level = new int[names.length];
    }

    /** The level of a line at time 0. */
    Wave initial(String line, int value) {
        int i = index(line);
        initial[i] = value;
        level[i] = value;
        return this;
    }

    long now() {
        return now;
    }

    Wave hold(long nanos) {
        now += nanos;
        return this;
    }

    Wave at(long timeNanos) {
        now = timeNanos;
        return this;
    }

    /** Ends the waveform at {@code t}, in the middle of whatever was going on: later changes are dropped. */
    Wave cutAt(long t) {
        changes.removeIf(c -> c[0] >= t);
        now = t;
        return this;
    }

    /** Changes the line at the cursor (nothing is recorded when it already has that level). */
    Wave set(String line, int value) {
        int i = index(line);
        if (level[i] != value) {
            level[i] = value;
            changes.add(new long[] {now, i, value});
        }
        return this;
    }

    int level(String line) {
        return level[index(line)];
    }

    private int index(String line) {
        int i = names.indexOf(line);
        if (i < 0) {
            throw new IllegalArgumentException(line);
        }
        return i;
    }

    /** The edges, ending at the cursor (which must lie after the last change for it to be decoded). */
    Signals signals() {
        Signals.Builder b = new Signals.Builder(names, initial);
        for (long[] c : sorted()) {
            b.change(c[0], (int) c[1], (int) c[2]);
        }
        return b.build(now);
    }

    /** The changes in time order: {time, line index, level}. */
    List<long[]> changeList() {
        return sorted();
    }

    private List<long[]> sorted() {
        List<long[]> s = new ArrayList<>(changes);
        s.sort((x, y) -> Long.compare(x[0], y[0]));
        return s;
    }

    /** Writes the VCD; its last timestamp is the cursor, which sigrok takes as the end of the capture. */
    Path writeVcd(Path file) throws IOException {
        StringBuilder b = new StringBuilder("$timescale 1 ns $end\n$scope module bus $end\n");
        for (int i = 0; i < names.size(); i++) {
            b.append("$var wire 1 ").append((char) ('!' + i)).append(' ').append(names.get(i)).append(" $end\n");
        }
        b.append("$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n");
        for (int i = 0; i < names.size(); i++) {
            b.append(initial[i]).append((char) ('!' + i)).append('\n');
        }
        b.append("$end\n");
        long last = 0;
        for (long[] c : sorted()) {
            if (c[0] != last) {
                b.append('#').append(c[0]).append('\n');
                last = c[0];
            }
            b.append(c[2]).append((char) ('!' + c[1])).append('\n');
        }
        b.append('#').append(Math.max(now, last + 1)).append('\n');
        Files.writeString(file, b, StandardCharsets.US_ASCII);
        return file;
    }
}
