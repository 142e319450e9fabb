package io.vgpio.ui.traffic;

import io.vgpio.core.Event;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventLog;
import io.vgpio.core.traffic.PairFinder;
import io.vgpio.core.traffic.TrafficCells;
import io.vgpio.core.traffic.TrafficIndex;
import io.vgpio.ui.source.DataSource;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * How the traffic table shows its rows: the columns, each row's cells ({@link TrafficCells}) and colours (problems
 * red, bookkeeping grey, the partner of the selected request or response yellow), and the tool tip describing the
 * event under the mouse. Each row is read from the log when the table asks for it; nothing is kept per row.
 */
final class TrafficRows {
    /** Column widths in pixels and alignment, in the order of {@link TrafficCells#titles()}. */
    private static final int[] WIDTHS = {64, 96, 70, 150, 110, 210, 70, 80, 70};
    private static final boolean[] RIGHT = {true, true, false, false, false, false, false, true, false};
    private final Color problemBg = new Color(255, 226, 226);
    private final Color partnerBg = new Color(255, 244, 196);
    private final Color quietFg = new Color(110, 110, 110);
    private final Supplier<DataSource> source;
    private final Supplier<EventFormat> format;
    private final TrafficIndex index;
    private final PairFinder pairs;
    private final TrafficSelection selection;
    private final RowWindow window;

    /**
     * Adds the columns to the window's table and shows the hover tips.
     *
     * @param source the device or trace shown (null: none)
     * @param format describes the source's events
     */
    TrafficRows(Supplier<DataSource> source, Supplier<EventFormat> format, TrafficIndex index, PairFinder pairs,
            TrafficSelection selection, RowWindow window) {
        this.source = source;
        this.format = format;
        this.index = index;
        this.pairs = pairs;
        this.selection = selection;
        this.window = window;
        Table table = window.table();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < TrafficCells.titles().size(); i++) {
            TableColumn c = new TableColumn(table, RIGHT[i] ? SWT.RIGHT : SWT.LEFT);
            c.setText(TrafficCells.titles().get(i));
            c.setWidth(WIDTHS[i]);
            c.setMoveable(true);
        }
        table.getColumn(TrafficCells.SEQ).setToolTipText("Sequence number of the event in the device's log");
        table.getColumn(TrafficCells.PAIR).setToolTipText(
                "The request's response (\u2192) or the response's request (\u2190); double-click a row to go there");
        table.addListener(SWT.MouseHover, this::hover);
    }

    /** The cells of a row, as the table shows them (null if the row's event was dropped meanwhile). */
    String[] cells(int row) {
        EventLog log = source.get().log();
        Event e = log.get(index.seqAt(row));
        return e == null ? null
                : TrafficCells.cells(e, source.get().config(), log.startNanos(), pairs.partner(log, e));
    }

    /** Sets a table item's text and colours to show a row. */
    void fill(TableItem item, int row) {
        item.setBackground(null);
        item.setForeground(null);
        DataSource s = source.get();
        if (s == null || row < 0 || row >= index.size()) {
            return;
        }
        long seq = index.seqAt(row);
        Event e = s.log().get(seq);
        if (e == null) {
            item.setText(new String[] {Long.toString(seq), "", "", "(dropped)"});
            item.setForeground(quietFg);
            return;
        }
        item.setText(cells(row));
        switch (TrafficCells.tone(e)) {
            case PROBLEM -> item.setBackground(problemBg);
            case QUIET -> item.setForeground(quietFg);
            case NORMAL -> {
            }
        }
        if (selection.isPartner(seq)) {
            item.setBackground(partnerBg);
        }
    }

    private void hover(org.eclipse.swt.widgets.Event e) {
        Table table = window.table();
        TableItem item = table.getItem(new Point(e.x, e.y));
        String tip = null;
        DataSource s = source.get();
        if (item != null && s != null) {
            int row = window.rowOf(item);
            Event ev = row >= 0 && row < index.size() ? s.log().get(index.seqAt(row)) : null;
            if (ev != null) {
                tip = "#" + ev.seq() + "  " + format.get().describe(ev);
            }
        }
        table.setToolTipText(tip);
    }
}
