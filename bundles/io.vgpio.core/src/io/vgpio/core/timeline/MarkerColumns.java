package io.vgpio.core.timeline;

import io.vgpio.core.EventKind;
import java.util.Arrays;
import java.util.Set;

/**
 * Events of some kinds over a time window cut into pixel columns: how many fell in each column and the sequence
 * number of the first of them (to decode for a tooltip with {@link io.vgpio.core.EventLog#get}).
 */
public final class MarkerColumns {
    private final Set<EventKind> kinds;
    private final long t0;
    private final long t1;
    private final int[] count;
    private final long[] first;

    MarkerColumns(Set<EventKind> kinds, long t0, long t1, int columns) {
        this.kinds = kinds;
        this.t0 = t0;
        this.t1 = t1;
        count = new int[columns];
        first = new long[columns];
        Arrays.fill(first, -1);
    }

    void add(int column, int n, long firstSeq) {
        count[column] += n;
        if (first[column] < 0 || firstSeq < first[column]) {
            first[column] = firstSeq;
        }
    }

    public Set<EventKind> kinds() {
        return kinds;
    }

    public long t0() {
        return t0;
    }

    public long t1() {
        return t1;
    }

    public int columns() {
        return count.length;
    }

    public int count(int column) {
        return count[column];
    }

    /** Sequence number of the column's first event, or -1 if it has none. */
    public long firstSeq(int column) {
        return first[column];
    }

    public long total() {
        long n = 0;
        for (int c : count) {
            n += c;
        }
        return n;
    }

    public long columnStart(int column) {
        return Timeline.boundary(t0, t1, count.length, column);
    }
}
