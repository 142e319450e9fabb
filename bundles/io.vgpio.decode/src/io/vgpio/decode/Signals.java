package io.vgpio.decode;

import java.util.Arrays;
import java.util.List;

/**
 * Digital lines as a decoder reads them: each line's level at the start, then every change in time order, then
 * the end of the input. Kept in flat arrays, because a million edges must feed a decoder in a few milliseconds.
 * {@link SignalFiles} reads one from a trace or a VCD.
 */
public final class Signals {
    private final List<String> names;
    private final int[] initial;
    private final long[] times;
    private final int[] lines;
    private final byte[] levels;
    private final int count;
    private final long endNs;

    /**
     * @param names the lines' names, indexed by line number
     * @param initial each line's level at time 0
     * @param times, lines, levels the changes, {@code count} of them, in time order
     * @param endNs where the input ends: samples before it are decoded
     */
    public Signals(List<String> names, int[] initial, long[] times, int[] lines, byte[] levels, int count,
            long endNs) {
        this.names = List.copyOf(names);
        this.initial = initial.clone();
        this.times = times;
        this.lines = lines;
        this.levels = levels;
        this.count = count;
        this.endNs = endNs;
    }

    public List<String> names() {
        return names;
    }

    public int changes() {
        return count;
    }

    public long endNs() {
        return endNs;
    }

    /**
     * The line a user means: a line's name, its number, or {@code lineN}.
     *
     * @throws IllegalArgumentException naming the lines there are
     */
    public int line(String spec) {
        int line = lineIndex(names, spec);
        if (line < 0) {
            throw new IllegalArgumentException("no line '" + spec + "'; the input's lines are " + describe());
        }
        return line;
    }

    /**
     * The line {@code spec} means among {@code names}: a name first (a line may be named "3"), else a number or
     * {@code lineN} below the line count; -1 if none. The CLI and the workbench name lines by this one rule.
     */
    public static int lineIndex(List<String> names, String spec) {
        int byName = names.indexOf(spec);
        if (byName >= 0) {
            return byName;
        }
        String digits = spec.startsWith("line") ? spec.substring(4) : spec;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 6) {
            int n = Integer.parseInt(digits);
            if (n < names.size()) {
                return n;
            }
        }
        return -1;
    }

    private String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size() && i < 64; i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(' ').append(names.get(i));
        }
        return b.append(names.size() > 64 ? ", ..." : "").toString();
    }

    /**
     * Feeds the decoder: {@code channelLines[ch]} is the line that feeds its channel {@code ch}, or -1 for a channel
     * not given (it stays at {@code idle[ch]}).
     */
    public void feed(Decoder decoder, int[] channelLines, int[] idle) {
        int channels = channelLines.length;
        int[] channelOf = new int[names.size()];
        Arrays.fill(channelOf, -1);
        int[] start = idle.clone();
        for (int ch = 0; ch < channels; ch++) {
            if (channelLines[ch] >= 0) {
                channelOf[channelLines[ch]] = ch;
                start[ch] = initial[channelLines[ch]];
            }
        }
        decoder.begin(0, start);
        for (int i = 0; i < count && times[i] < endNs; i++) {
            int ch = channelOf[lines[i]];
            if (ch >= 0) {
                decoder.change(times[i], ch, levels[i]);
            }
        }
        decoder.end(endNs);
    }

    /** The shortest time between two changes of {@code line} (ns), or {@code Long.MAX_VALUE} with fewer than two. */
    public long shortestPulse(int line) {
        long shortest = Long.MAX_VALUE;
        long previous = -1;
        int level = initial[line];
        for (int i = 0; i < count; i++) {
            if (lines[i] != line || levels[i] == level) {
                continue;
            }
            level = levels[i];
            if (previous >= 0) {
                shortest = Math.min(shortest, times[i] - previous);
            }
            previous = times[i];
        }
        return shortest;
    }

    /** Collects changes in time order into the flat arrays, folding those at time 0 into the initial levels. */
    public static final class Builder {
        private final List<String> names;
        private final int[] initial;
        private long[] times = new long[1024];
        private int[] lines = new int[1024];
        private byte[] levels = new byte[1024];
        private int count;
        private long last;

        public Builder(List<String> names, int[] initial) {
            this.names = names;
            this.initial = initial.clone();
        }

        public Builder change(long timeNs, int line, int level) {
            if (timeNs < last) {
                throw new IllegalArgumentException("changes go back in time: " + timeNs + " ns after " + last);
            }
            last = timeNs;
            if (timeNs <= 0) {
                initial[line] = level;
                return this;
            }
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                lines = Arrays.copyOf(lines, count * 2);
                levels = Arrays.copyOf(levels, count * 2);
            }
            times[count] = timeNs;
            lines[count] = line;
            levels[count] = (byte) (level & 1);
            count++;
            return this;
        }

        public long lastTime() {
            return last;
        }

        public Signals build(long endNs) {
            return new Signals(names, initial, times, lines, levels, count, endNs);
        }
    }
}
