package io.vgpio.core.timeline;

/**
 * A time-ordered ring of (time, tag) pairs in two primitive arrays: appended at the end, dropped from the front
 * when the event log drops the events they index. Logical index 0 is the oldest entry. Not thread-safe (the
 * {@link Timeline} that owns it serialises access).
 */
final class Series {
    private long[] times = new long[16];
    private long[] tags = new long[16];
    private int mask = 15;
    private int head;
    private int size;

    void add(long time, long tag) {
        if (size == times.length) {
            grow();
        }
        int p = (head + size) & mask;
        times[p] = time;
        tags[p] = tag;
        size++;
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        long[] g = new long[n];
        for (int i = 0; i < size; i++) {
            int p = (head + i) & mask;
            t[i] = times[p];
            g[i] = tags[p];
        }
        times = t;
        tags = g;
        mask = n - 1;
        head = 0;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[(head + i) & mask];
    }

    long tag(int i) {
        return tags[(head + i) & mask];
    }

    void dropFirst(int n) {
        n = Math.min(n, size);
        head = (head + n) & mask;
        size -= n;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    /** Index of the first entry at or after {@code from} whose time is at or after {@code t}, or size(). */
    int firstAtOrAfter(long t, int from) {
        int lo = Math.max(0, from);
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
