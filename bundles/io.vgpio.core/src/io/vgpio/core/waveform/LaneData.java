package io.vgpio.core.waveform;

import io.vgpio.core.Direction;
import io.vgpio.core.timeline.LevelColumns;
import io.vgpio.core.timeline.MarkerColumns;

/**
 * What one lane shows in one frame, as runs of pixel columns: consecutive columns of one state merge into one run,
 * so a quiet line is one segment to draw whatever the zoom. Level lanes: runs of LOW, HIGH, UNKNOWN, EDGE (one
 * transition) or BURST (several, a filled block). Marker lanes: one run per column holding events.
 */
public final class LaneData {
    public static final byte LOW = LevelColumns.LOW;
    public static final byte HIGH = LevelColumns.HIGH;
    public static final byte UNKNOWN = LevelColumns.UNKNOWN;
    public static final byte EDGE = 4;
    public static final byte BURST = 5;
    public static final byte MARK = 6;

    private final Lane lane;
    private final Direction direction;
    private final LevelColumns levels;
    private final MarkerColumns markers;
    private final int columns;
    private int runs;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private byte[] state = new byte[16];
    private int[] count = new int[16];
    private long[] seq = new long[16];

    LaneData(Lane lane, Direction direction, LevelColumns levels) {
        this.lane = lane;
        this.direction = direction;
        this.levels = levels;
        this.markers = null;
        columns = levels.columns();
        for (int c = 0; c < columns; c++) {
            byte s = levels.state(c);
            int n = levels.transitions(c);
            if (s == LevelColumns.BOTH) {
                s = n == 1 ? EDGE : BURST;
            }
            if (runs > 0 && state[runs - 1] == s && s != EDGE && end[runs - 1] == c) {
                end[runs - 1] = c + 1;
                count[runs - 1] += n;
            } else {
                add(c, s, n, -1);
            }
        }
    }

    LaneData(Lane lane, MarkerColumns markers) {
        this.lane = lane;
        this.direction = null;
        this.levels = null;
        this.markers = markers;
        columns = markers.columns();
        for (int c = 0; c < columns; c++) {
            if (markers.count(c) > 0) {
                add(c, MARK, markers.count(c), markers.firstSeq(c));
            }
        }
    }

    private void add(int c, byte s, int n, long first) {
        if (runs == start.length) {
            int m = runs * 2;
            start = java.util.Arrays.copyOf(start, m);
            end = java.util.Arrays.copyOf(end, m);
            state = java.util.Arrays.copyOf(state, m);
            count = java.util.Arrays.copyOf(count, m);
            seq = java.util.Arrays.copyOf(seq, m);
        }
        start[runs] = c;
        end[runs] = c + 1;
        state[runs] = s;
        count[runs] = n;
        seq[runs] = first;
        runs++;
    }

    public Lane lane() {
        return lane;
    }

    /** The line's direction now (level lanes), null for marker lanes. */
    public Direction direction() {
        return direction;
    }

    /** The query result behind a level lane, or null. */
    public LevelColumns levels() {
        return levels;
    }

    /** The query result behind a marker lane, or null. */
    public MarkerColumns markers() {
        return markers;
    }

    public int columns() {
        return columns;
    }

    public int runs() {
        return runs;
    }

    public int start(int run) {
        return start[run];
    }

    /** Exclusive. */
    public int end(int run) {
        return end[run];
    }

    public byte state(int run) {
        return state[run];
    }

    /** Transitions (level lanes) or events (marker lanes) in the run. */
    public int count(int run) {
        return count[run];
    }

    /** First event of a marker run, or -1. */
    public long firstSeq(int run) {
        return seq[run];
    }

    /** Total transitions or events in the window. */
    public long total() {
        long n = 0;
        for (int i = 0; i < runs; i++) {
            n += count[i];
        }
        return n;
    }
}
