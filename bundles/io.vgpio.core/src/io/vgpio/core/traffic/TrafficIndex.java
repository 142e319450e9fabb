package io.vgpio.core.traffic;

import io.vgpio.core.EventLog;
import java.util.Arrays;

/**
 * The rows of the traffic table: the sequence numbers of the log's events that pass the filter, ascending, in one
 * growable long[] (8 bytes a row: a million rows is 8 MB, and no object per row). Built incrementally as the log
 * grows, a bounded slice at a time so that the UI thread never waits long; rows whose event the ring dropped are cut
 * from the front. Not thread-safe: the view uses it on the UI thread only.
 */
public final class TrafficIndex {
    /** Events read under the log's lock at once: short enough not to hold up the device's appends. */
    private static final int CHUNK = 16_384;

    private long[] seqs = new long[4096];
    /** Live rows are seqs[start, end). */
    private int start;
    private int end;
    /** Next sequence number to examine. */
    private long scanned;
    private TrafficFilter filter;
    private final EventLog.Reader collector = (seq, time, kind, line, a, b) -> {
        if (filter.matches(kind, line, a)) {
            add(seq);
        }
    };

    public TrafficIndex(TrafficFilter filter) {
        this.filter = filter;
    }

    public TrafficFilter filter() {
        return filter;
    }

    /** Forgets every row; the next {@link #scan} starts from the oldest event held. */
    public void reset(TrafficFilter newFilter) {
        filter = newFilter;
        start = 0;
        end = 0;
        scanned = 0;
        if (seqs.length > 1 << 16) {
            seqs = new long[4096]; // a filter that matched a million rows should not pin 8 MB after it went
        }
    }

    public int size() {
        return end - start;
    }

    /** The sequence number of a row. */
    public long seqAt(int row) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size());
        }
        return seqs[start + row];
    }

    /** The row showing an event, or -1 if the filter hides it (or it is not indexed yet, or was dropped). */
    public int rowOf(long seq) {
        int i = Arrays.binarySearch(seqs, start, end, seq);
        return i >= 0 ? i - start : -1;
    }

    /** The first row whose event is at or after {@code seq}; {@link #size()} if none. */
    public int rowAtOrAfter(long seq) {
        int i = Arrays.binarySearch(seqs, start, end, seq);
        return (i >= 0 ? i : -i - 1) - start;
    }

    /** The next sequence number {@link #scan} will examine. */
    public long scannedTo() {
        return scanned;
    }

    /** True if every event of the log up to its end has been examined. */
    public boolean caughtUp(EventLog log) {
        return scanned >= log.nextSeq();
    }

    /**
     * Cuts the rows whose events are older than {@code firstSeq} (the ring dropped them).
     *
     * @return how many rows were cut from the front
     */
    public int dropBefore(long firstSeq) {
        if (start == end || seqs[start] >= firstSeq) {
            return 0;
        }
        int keep = Arrays.binarySearch(seqs, start, end, firstSeq);
        keep = keep >= 0 ? keep : -keep - 1;
        int cut = keep - start;
        start = keep;
        return cut;
    }

    /**
     * Examines the events appended since the last call, until the log's end or until {@code budgetNanos} have
     * passed (checked between chunks).
     *
     * @return the number of rows added
     */
    public int scan(EventLog log, long budgetNanos) {
        int before = size();
        long deadline = System.nanoTime() + budgetNanos;
        while (true) {
            long next = log.read(scanned, CHUNK, collector);
            boolean progressed = next != scanned;
            scanned = next;
            if (!progressed || System.nanoTime() - deadline > 0) {
                break;
            }
        }
        return size() - before;
    }

    private void add(long seq) {
        if (end == seqs.length) {
            if (start > seqs.length / 2) {
                // Dropped rows fill the front: slide the live rows down instead of growing.
                System.arraycopy(seqs, start, seqs, 0, end - start);
                end -= start;
                start = 0;
            } else {
                seqs = Arrays.copyOf(seqs, seqs.length * 2);
            }
        }
        seqs[end++] = seq;
    }
}
