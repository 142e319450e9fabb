package io.vgpio.ui.traffic;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * A table over any number of rows whose native widget only ever holds the rows on screen. GTK's list store costs
 * about 2 us per row to add and as much to remove (measured: setItemCount(1,000,000) takes 2 to 3 s, clearing it
 * 2.5 s, all on the UI thread), so a million-row SWT.VIRTUAL table freezes the workbench whenever it grows, is
 * filtered or loses its oldest rows. Here the SWT.VIRTUAL table has one item per visible line, filled through
 * SetData from the row model, and a Slider stands in for its scroll bar (as Trace Compass's TmfVirtualTable does).
 * Wheel, keys and clicks are mapped to row numbers; the model keeps the selection, so it survives scrolling.
 */
final class RowWindow {
    /** The rows and their selection; rows are numbered 0..rowCount()-1. */
    interface Model {
        int rowCount();

        void fill(TableItem item, int row);

        boolean isSelected(int row);

        /** A click or a key moved the selection to a row; stateMask carries SWT.MOD1 (toggle), SWT.MOD2 (range). */
        void select(int row, int stateMask);

        /** Double-click or Enter on a row. */
        void activate(int row);

        /** The user scrolled (wheel, slider, keys). */
        void scrolled();
    }

    private final Model model;
    private final Composite box;
    private final Table table;
    private final Slider slider;
    private int top;
    private int lead = -1;
    /** visibleRows() at the last refresh. */
    private int shownVisible = -1;

    RowWindow(Composite parent, int style, Model model) {
        this.model = model;
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(0, 0).applyTo(box);
        table = new Table(box, style | SWT.VIRTUAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        slider = new Slider(box, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(false, true).applyTo(slider);
        table.addListener(SWT.SetData, e -> {
            // GTK asks for an item that setItemCount just removed with index -1 (a new source's empty rows):
            // there is no row to fill then.
            int row = top + e.index;
            if (e.index >= 0 && row < model.rowCount()) {
                model.fill((TableItem) e.item, row);
            }
        });
        table.addListener(SWT.Selection, this::clicked);
        table.addListener(SWT.DefaultSelection, e -> {
            if (lead >= 0) {
                model.activate(lead);
            }
        });
        table.addListener(SWT.KeyDown, this::key);
        table.addListener(SWT.MouseVerticalWheel, e -> {
            e.doit = false;
            scrollTo(top - e.count, true);
        });
        table.addListener(SWT.Resize, e -> refresh());
        slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection(), true));
    }

    Composite control() {
        return box;
    }

    Table table() {
        return table;
    }

    int top() {
        return top;
    }

    /** Rows that fit on screen (at least 1). */
    int visibleRows() {
        // From the widget's size, not its client area: on GTK the client area shrinks with the rows it holds, so a
        // window that once held few rows would never grow again.
        int h = table.getSize().y - table.getHeaderHeight() - 2 * table.getBorderWidth();
        ScrollBar bar = table.getHorizontalBar();
        if (bar != null && bar.getVisible()) {
            h -= bar.getSize().y;
        }
        return Math.max(1, h / Math.max(1, table.getItemHeight()));
    }

    /** The row shown by a table item, or -1. */
    int rowOf(TableItem item) {
        int i = table.indexOf(item);
        return i < 0 ? -1 : top + i;
    }

    /** The rows moved up by {@code cut} (the oldest were dropped): keep showing the same ones. */
    void shift(int cut) {
        top = Math.max(0, top - cut);
        lead = lead < 0 ? -1 : lead - cut;
    }

    /** Starts over (new rows entirely). */
    void reset() {
        top = 0;
        lead = -1;
        refresh();
    }

    /** Shows the row (scrolling as little as needed) and makes it the keyboard's lead row. */
    void reveal(int row) {
        lead = row;
        int visible = visibleRows();
        if (row < top) {
            scrollTo(row, false);
        } else if (row >= top + visible) {
            scrollTo(row - visible + 1, false);
        } else {
            refresh();
        }
    }

    /** Shows the last rows. */
    void showEnd() {
        scrollTo(Integer.MAX_VALUE, false);
    }

    /** True if the space for rows changed since the last refresh (not every change comes with a Resize event). */
    boolean sizeChanged() {
        return visibleRows() != shownVisible;
    }

    boolean atEnd() {
        return top + visibleRows() >= model.rowCount();
    }

    private void scrollTo(int newTop, boolean byUser) {
        int max = Math.max(0, model.rowCount() - visibleRows());
        int t = Math.max(0, Math.min(max, newTop));
        boolean moved = t != top;
        top = t;
        refresh();
        if (byUser && moved) {
            model.scrolled();
        }
    }

    /** Re-reads every visible row (the rows, the window or the selection changed). */
    void refresh() {
        if (table.isDisposed()) {
            return;
        }
        int rows = model.rowCount();
        int visible = visibleRows();
        shownVisible = visible;
        top = Math.max(0, Math.min(top, rows - visible));
        int items = Math.max(0, Math.min(visible, rows - top));
        if (table.getItemCount() != items) {
            table.setItemCount(items);
        }
        table.clearAll();
        int selected = 0;
        int[] sel = new int[items];
        for (int i = 0; i < items; i++) {
            if (model.isSelected(top + i)) {
                sel[selected++] = i;
            }
        }
        table.setSelection(java.util.Arrays.copyOf(sel, selected));
        slider.setValues(top, 0, Math.max(rows, visible), visible, 1, Math.max(1, visible - 1));
        slider.setEnabled(rows > visible);
    }

    private void clicked(Event e) {
        int row = e.item instanceof TableItem item ? rowOf(item) : -1;
        if (row < 0) {
            return;
        }
        lead = row;
        model.select(row, e.stateMask & (SWT.MOD1 | SWT.MOD2));
        refresh();
    }

    private void key(Event e) {
        int rows = model.rowCount();
        if (rows == 0) {
            return;
        }
        int from = lead < 0 ? top : lead;
        int page = Math.max(1, visibleRows() - 1);
        int to = switch (e.keyCode) {
            case SWT.ARROW_UP -> from - 1;
            case SWT.ARROW_DOWN -> from + 1;
            case SWT.PAGE_UP -> from - page;
            case SWT.PAGE_DOWN -> from + page;
            case SWT.HOME -> 0;
            case SWT.END -> rows - 1;
            default -> Integer.MIN_VALUE;
        };
        if (to == Integer.MIN_VALUE) {
            return;
        }
        e.doit = false;
        to = Math.max(0, Math.min(rows - 1, to));
        model.select(to, e.stateMask & SWT.MOD2);
        int before = top;
        reveal(to);
        if (top != before) {
            model.scrolled();
        }
    }
}
