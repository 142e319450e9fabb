package io.vgpio.decode.view;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.AnnotationKind;
import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one decoder found so far, kept for drawing: its annotations per output lane (UART RX and TX apart) in flat
 * arrays sorted by start, and its transactions. A window is found by binary search on the running maximum of the
 * ends, so a frame costs what it shows, not what the decoder found. Appended to as the decoder runs (live: a
 * little every tick), never rebuilt. One thread (the UI's) feeds and reads it.
 */
public final class AnnotationTrack implements DecodeListener {
    private final Row[] rows = {new Row(), new Row()};
    private final List<Transaction> transactions = new ArrayList<>();
    private long version;

    @Override
    public void annotation(Annotation a) {
        rows[a.lane() == 0 ? 0 : 1].add(a);
        version++;
    }

    @Override
    public void transaction(Transaction t) {
        transactions.add(t);
        version++;
    }

    /** Changes whenever something was added: a view redraws only then. */
    public long version() {
        return version;
    }

    /** The lanes that hold annotations (UART with TX: 2), at least 1. */
    public int lanes() {
        return rows[1].count > 0 ? 2 : 1;
    }

    /** Annotations in lane {@code lane}. */
    public Row row(int lane) {
        return rows[lane];
    }

    public List<Transaction> transactions() {
        return transactions;
    }

    /** Every annotation of every lane, in order of start (tests, export). */
    public List<Annotation> annotations() {
        List<Annotation> all = new ArrayList<>();
        for (Row r : rows) {
            for (int i = 0; i < r.count; i++) {
                all.add(r.get(i));
            }
        }
        all.sort(java.util.Comparator.comparingLong(Annotation::startNs));
        return all;
    }

    /** One lane's annotations in flat arrays, sorted by start. */
    public static final class Row {
        private long[] start = new long[256];
        private long[] end = new long[256];
        /** The greatest end among annotations 0..i: monotonic, so the first one reaching a time is a search. */
        private long[] maxEnd = new long[256];
        private byte[] kind = new byte[256];
        private int[] value = new int[256];
        private byte[] digits = new byte[256];
        private int count;
        private int lane;

        void add(Annotation a) {
            if (count == start.length) {
                int n = count * 2;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                maxEnd = Arrays.copyOf(maxEnd, n);
                kind = Arrays.copyOf(kind, n);
                value = Arrays.copyOf(value, n);
                digits = Arrays.copyOf(digits, n);
            }
            // A decoder reports in the order it finds things, which is by start for every protocol here; should
            // one ever come early, it is put in its place (a short shift at the end).
            int i = count;
            while (i > 0 && start[i - 1] > a.startNs()) {
                i--;
            }
            if (i < count) {
                int n = count - i;
                System.arraycopy(start, i, start, i + 1, n);
                System.arraycopy(end, i, end, i + 1, n);
                System.arraycopy(kind, i, kind, i + 1, n);
                System.arraycopy(value, i, value, i + 1, n);
                System.arraycopy(digits, i, digits, i + 1, n);
            }
            start[i] = a.startNs();
            end[i] = a.endNs();
            kind[i] = (byte) a.kind().ordinal();
            value[i] = a.value();
            digits[i] = (byte) a.digits();
            lane = a.lane();
            count++;
            for (int j = i; j < count; j++) {
                maxEnd[j] = Math.max(j == 0 ? Long.MIN_VALUE : maxEnd[j - 1], end[j]);
            }
        }

        public int count() {
            return count;
        }

        public long start(int i) {
            return start[i];
        }

        public long end(int i) {
            return end[i];
        }

        public AnnotationKind kind(int i) {
            return KINDS[kind[i]];
        }

        public int value(int i) {
            return value[i];
        }

        public Annotation get(int i) {
            return new Annotation(start[i], end[i], kind(i), value[i], lane, digits[i]);
        }

        /** The first annotation that ends at or after {@code t} (or {@link #count()}). */
        public int firstEndingAtOrAfter(long t) {
            return firstAtOrAfter(maxEnd, count, t);
        }

        /** The first annotation that starts at or after {@code t} (or {@link #count()}). */
        public int firstStartingAtOrAfter(long t) {
            return firstAtOrAfter(start, count, t);
        }

        /** Binary search in the first {@code n} of a non-decreasing array. */
        private static int firstAtOrAfter(long[] sorted, int n, long t) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static final AnnotationKind[] KINDS = AnnotationKind.values();
}
