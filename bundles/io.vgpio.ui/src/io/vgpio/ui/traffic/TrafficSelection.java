package io.vgpio.ui.traffic;

import io.vgpio.core.Event;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.traffic.PairFinder;
import io.vgpio.core.traffic.TrafficIndex;
import io.vgpio.ui.source.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;

/**
 * The traffic table's selection and what follows from it. The selected rows are kept as the sorted sequence numbers
 * of their events (at most {@link #MAX_PUBLISHED}), so the selection survives scrolling, filtering and the ring's
 * drops. A single selected request or response has its partner tinted ({@link #isPartner}) and "Go to Partner"
 * selects that. Every change is published to the workbench as {@link Event}s through the
 * {@link EventSelectionProvider}; a selection set from outside (the waveform) selects the events' rows. Runs on the
 * UI thread only.
 */
final class TrafficSelection {
    /** A select-all on a million rows publishes this many events, not a million. */
    static final int MAX_PUBLISHED = 10_000;

    /** What the selection needs from the view. */
    interface Host {
        /** The device or trace shown, or null. */
        DataSource source();

        /** Describes the source's events (null without a source). */
        EventFormat format();

        /** Stops following live: the row the user picked must not scroll away. */
        void pauseFollow();

        /** The selection's count or note changed: rewrite the summary line. */
        void updateSummary();
    }

    private final Host host;
    private final TrafficIndex index;
    private final RowWindow window;
    private final PairFinder pairs;
    private final EventSelectionProvider provider = new EventSelectionProvider(this::selectEvents);
    /** Selected events (sorted sequence numbers, at most MAX_PUBLISHED) and the anchor of a range selection. */
    private long[] selected = new long[0];
    /** Events asked for that the index had not reached yet. */
    private long[] pending = new long[0];
    private long anchor = -1;
    /** The partner of the single selected row (tinted), or -1. */
    private long partnerSeq = -1;
    /** A note for the summary line (e.g. why "Go to partner" found nothing); cleared by the next selection. */
    private String note = "";

    TrafficSelection(Host host, TrafficIndex index, RowWindow window, PairFinder pairs) {
        this.host = host;
        this.index = index;
        this.window = window;
        this.pairs = pairs;
    }

    /** The workbench's view of this selection (the site's selection provider). */
    EventSelectionProvider provider() {
        return provider;
    }

    /** Forgets the selection, its partner and the note (a new source); publishes nothing. */
    void clear() {
        pending = new long[0];
        selected = new long[0];
        anchor = -1;
        partnerSeq = -1;
        note = "";
    }

    /** Number of selected events. */
    int count() {
        return selected.length;
    }

    boolean contains(long seq) {
        return Arrays.binarySearch(selected, seq) >= 0;
    }

    /** True if the event's row is tinted as the partner of the single selected row. */
    boolean isPartner(long seq) {
        return seq == partnerSeq;
    }

    /** Untints the partner until the next selection change (the rows were rebuilt). */
    void forgetPartner() {
        partnerSeq = -1;
    }

    /** The summary line's note, or "". */
    String note() {
        return note;
    }

    /** The row of the first selected event, or -1 if nothing is selected or the filter hides it. */
    int firstRow() {
        return selected.length == 0 ? -1 : index.rowOf(selected[0]);
    }

    /** The ring dropped the events before {@code first}: they are no longer selected. */
    void dropBefore(long first) {
        int i = 0;
        while (i < selected.length && selected[i] < first) {
            i++;
        }
        if (i > 0) {
            selected = Arrays.copyOfRange(selected, i, selected.length);
        }
    }

    /** The user clicked a row or moved to it with the keys. */
    void selectRow(int row, int stateMask) {
        pending = new long[0]; // the user chose: an older request from elsewhere no longer applies
        long seq = index.seqAt(row);
        if ((stateMask & SWT.MOD2) != 0 && anchor >= 0) {
            int from = index.rowAtOrAfter(anchor);
            int lo = Math.min(from, row);
            int hi = Math.min(Math.max(from, row), lo + MAX_PUBLISHED - 1);
            long[] range = new long[Math.max(0, hi - lo + 1)];
            for (int r = lo; r <= hi && r < index.size(); r++) {
                range[r - lo] = index.seqAt(r);
            }
            selected = range;
        } else if ((stateMask & SWT.MOD1) != 0) {
            int at = Arrays.binarySearch(selected, seq);
            if (at >= 0) {
                long[] s = new long[selected.length - 1];
                System.arraycopy(selected, 0, s, 0, at);
                System.arraycopy(selected, at + 1, s, at, s.length - at);
                selected = s;
            } else if (selected.length < MAX_PUBLISHED) {
                int ins = -at - 1;
                long[] s = new long[selected.length + 1];
                System.arraycopy(selected, 0, s, 0, ins);
                s[ins] = seq;
                System.arraycopy(selected, ins, s, ins + 1, selected.length - ins);
                selected = s;
            }
            anchor = seq;
        } else {
            selected = new long[] {seq};
            anchor = seq;
        }
        note = "";
        host.pauseFollow();
        changed();
    }

    /** Tints the partner of a single selected request or response, redraws, and tells the workbench. */
    private void changed() {
        DataSource source = host.source();
        List<Event> events = new ArrayList<>(Math.min(selected.length, 64));
        if (source != null) {
            EventLog log = source.log();
            for (long seq : selected) {
                Event e = log.get(seq);
                if (e != null) {
                    events.add(e);
                }
            }
        }
        partnerSeq = events.size() == 1 ? pairs.partner(source.log(), events.get(0)) : -1;
        window.refresh();
        host.updateSummary();
        provider.publish(events.isEmpty() ? StructuredSelection.EMPTY : new StructuredSelection(events));
    }

    /** The event of the single selected row, or null. */
    Event selectedEvent() {
        DataSource source = host.source();
        return source == null || selected.length != 1 ? null : source.log().get(selected[0]);
    }

    /** Selects the partner of the single selected request or response, or notes in the summary why it cannot. */
    void goToPartner() {
        Event e = selectedEvent();
        DataSource source = host.source();
        if (e == null || source == null) {
            return;
        }
        long partner = pairs.partner(source.log(), e);
        if (partner < 0) {
            note = e.kind() == EventKind.REQUEST ? "#" + e.seq() + " has no response in the log"
                    : e.kind() == EventKind.RESPONSE ? "#" + e.seq() + " answers no request in the log"
                    : "only requests and responses have partners";
        } else if (index.rowOf(partner) < 0) {
            note = "partner #" + partner + " is hidden by the filter";
        } else {
            note = "";
            host.pauseFollow();
            selected = new long[] {partner};
            anchor = partner;
            window.reveal(index.rowOf(partner));
            changed();
        }
        host.updateSummary();
    }

    /** Another view set the selection: select those events' rows (or reveal the nearest row). */
    private void selectEvents(IStructuredSelection s) {
        if (window.table().isDisposed() || host.source() == null) {
            return;
        }
        long[] seqs = new long[Math.min(s.size(), MAX_PUBLISHED)];
        int n = 0;
        for (Object o : s) {
            if (o instanceof Event e && n < seqs.length) {
                seqs[n++] = e.seq();
            }
        }
        seqs = Arrays.copyOf(seqs, n);
        Arrays.sort(seqs);
        if (n > 0) {
            host.pauseFollow();
            int row = index.rowOf(seqs[0]);
            window.reveal(row >= 0 ? row : Math.min(index.rowAtOrAfter(seqs[0]), Math.max(0, index.size() - 1)));
        }
        long[] shown = Arrays.stream(seqs).filter(q -> index.rowOf(q) >= 0).toArray();
        // Events the index has not scanned yet (a breakpoint hit reported at once, the table a tick behind) are
        // selected when it gets to them.
        long indexed = index.size() == 0 ? -1 : index.seqAt(index.size() - 1);
        pending = Arrays.stream(seqs).filter(q -> q > indexed && index.rowOf(q) < 0).toArray();
        selected = shown;
        anchor = shown.length > 0 ? shown[0] : -1;
        changed();
    }

    /** The index scanned more of the log: selects the events a selection asked for before they were indexed. */
    void indexGrew() {
        if (pending.length == 0) {
            return;
        }
        long[] now = Arrays.stream(pending).filter(q -> index.rowOf(q) >= 0).toArray();
        if (now.length == 0) {
            return;
        }
        long indexed = index.seqAt(index.size() - 1);
        pending = Arrays.stream(pending).filter(q -> q > indexed).toArray();
        long[] merged = java.util.stream.LongStream.concat(Arrays.stream(selected), Arrays.stream(now)).sorted()
                .distinct().toArray();
        selected = merged;
        anchor = merged[0];
        window.reveal(index.rowOf(now[0]));
        changed();
    }

    /** Puts the selected events on the clipboard, one line each: sequence number, time, description. */
    void copy() {
        DataSource source = host.source();
        if (source == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        EventLog log = source.log();
        for (long seq : selected) {
            Event e = log.get(seq);
            if (e != null) {
                sb.append(String.format(Locale.ROOT, "#%d %.6f %s%n", seq, (e.timeNanos() - log.startNanos()) / 1e9,
                        host.format().describe(e)));
            }
        }
        if (sb.isEmpty()) {
            return;
        }
        Clipboard cb = new Clipboard(window.table().getDisplay());
        try {
            cb.setContents(new Object[] {sb.toString()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }
}
