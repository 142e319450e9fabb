package io.vgpio.ui.traffic;

import io.vgpio.ui.Counts;
import io.vgpio.ui.ToolbarIcons;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventLog;
import io.vgpio.core.traffic.PairFinder;
import io.vgpio.core.traffic.TrafficFilter;
import io.vgpio.core.traffic.TrafficIndex;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/**
 * The decoded virtqueue traffic of the current device: requests, responses, eventq buffers, interrupts, INVALID
 * returns, driver-rule violations and chain errors (level changes on request). The rows are an index of sequence
 * numbers ({@link TrafficIndex}: a million rows cost 8 MB and no objects); the SWT.VIRTUAL table only holds the rows
 * on screen ({@link RowWindow}) and reads each from the event log when SWT asks for it. A UI timer (30 Hz) picks up
 * what the log gained and what its ring dropped. The selection (kept as sequence numbers, so it survives scrolling,
 * filtering and drops) is published as {@link io.vgpio.core.Event}s. It shows what {@link SourceService} says: the
 * live device, or an opened trace (every event of it, from the top, follow-live off).
 * <p>
 * The view binds the source, keeps the rows up to date (the tick), writes the summary line and owns the filter and
 * follow-live state (one toolbar toggle, also in the context menu); its parts do the rest:
 * {@link TrafficFilterBar} (the controls above the table),
 * {@link TrafficRows} (what a row shows), {@link TrafficSelection} (the selection, the partner, publishing) and
 * {@link TrafficMenu} (the context menu).
 */
public final class TrafficView extends ViewPart {
    public static final String ID = "io.vgpio.ui.traffic";
    /** Key of the widget data naming the view's controls, for tests and scripts. */
    public static final String WIDGET_ID = "io.vgpio.ui.id";
    public static final String ID_LINE = "traffic.line";
    public static final String ID_TYPE = "traffic.type";
    public static final String ID_STATUS = "traffic.status";
    public static final String ID_TABLE = "traffic.table";
    public static final String ID_SUMMARY = "traffic.summary";

    private static final int TICK_MILLIS = 33; // at most 30 updates a second
    /** The longest the UI thread indexes in one tick; a big rebuild takes a few ticks instead. */
    private static final long SCAN_BUDGET_NANOS = 12_000_000;

    private final Consumer<DataSource> sourceListener = this::sourceChanged;
    private final Runnable ticker = this::tick;
    private final TrafficIndex index = new TrafficIndex(TrafficFilter.defaults());
    private final PairFinder pairs = new PairFinder();
    private TrafficSelection selection;
    private DataSource source;
    private EventFormat format;
    private TrafficFilterBar filterBar;
    private RowWindow window;
    private Table table;
    private Label summary;
    private TrafficRows rows;
    private boolean followLive = true;
    /** The row count the window last showed. */
    private int shownRows = -1;
    /** True while a rebuilt index has not reached the selection yet: reveal it once it has. */
    private boolean revealSelection;
    private final Action followAction = new Action("Follow Live", IAction.AS_CHECK_BOX) {
        @Override
        public void run() {
            setFollow(isChecked());
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        Display display = parent.getDisplay();
        Composite root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(root);
        filterBar = new TrafficFilterBar(root, this::applyFilter);

        window = new RowWindow(root, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER, new RowWindow.Model() {
            @Override
            public int rowCount() {
                return source == null ? 0 : index.size();
            }

            @Override
            public void fill(TableItem item, int row) {
                rows.fill(item, row);
            }

            @Override
            public boolean isSelected(int row) {
                return selection.contains(index.seqAt(row));
            }

            @Override
            public void select(int row, int stateMask) {
                selection.selectRow(row, stateMask);
            }

            @Override
            public void activate(int row) {
                selection.goToPartner();
            }

            @Override
            public void scrolled() {
                if (followLive && !window.atEnd()) {
                    setFollow(false); // the user looks at older rows: stop pulling them away
                }
            }
        });
        table = window.table();
        selection = new TrafficSelection(new TrafficSelection.Host() {
            @Override
            public DataSource source() {
                return source;
            }

            @Override
            public EventFormat format() {
                return format;
            }

            @Override
            public void pauseFollow() {
                if (followLive) {
                    setFollow(false);
                }
            }

            @Override
            public void updateSummary() {
                TrafficView.this.updateSummary();
            }
        }, index, window, pairs);
        table.setData(WIDGET_ID, ID_TABLE);
        rows = new TrafficRows(() -> source, () -> format, index, pairs, selection, window);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(window.control());
        table.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                selection.copy();
            }
        });

        summary = new Label(root, SWT.NONE);
        summary.setData(WIDGET_ID, ID_SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(summary);

        getSite().setSelectionProvider(selection.provider());
        new TrafficMenu(() -> source, index, selection, filterBar, followAction).attach(table, getSite());
        followAction.setChecked(true);
        followAction.setImageDescriptor(ToolbarIcons.get("follow"));
        followAction.setToolTipText("Scroll to the newest row as traffic arrives; selecting a row pauses");
        getViewSite().getActionBars().getToolBarManager().add(followAction);

        SourceService.get().addListener(sourceListener);
        bind(SourceService.get().current());
        display.timerExec(TICK_MILLIS, ticker);
    }

    // ---- the device and the timer --------------------------------------------------------------------------

    /** SourceService calls this on the thread that changed the source. */
    private void sourceChanged(DataSource s) {
        Display d = table == null || table.isDisposed() ? null : table.getDisplay();
        if (d != null) {
            d.asyncExec(() -> bind(SourceService.get().current()));
        }
    }

    private void bind(DataSource h) {
        if (table == null || table.isDisposed() || (h != null && h.equals(source))) {
            return;
        }
        source = h;
        format = h == null ? null : new EventFormat(h.config());
        selection.clear();
        revealSelection = false;
        index.reset(index.filter());
        shownRows = -1;
        window.reset();
        filterBar.setLines(h == null ? null : h.config());
        // A new device starts with its newest traffic in view, a trace with its first.
        setFollow(h == null || h.isLive());
        followAction.setEnabled(h == null || h.isLive());
        setContentDescription(h == null ? "" : h.description());
        selection.provider().publish(StructuredSelection.EMPTY);
        refresh();
    }

    private void tick() {
        if (table == null || table.isDisposed()) {
            return;
        }
        refresh();
        table.getDisplay().timerExec(TICK_MILLIS, ticker);
    }

    /** Brings the rows up to the log: cuts what the ring dropped, indexes what it gained, scrolls if following. */
    private void refresh() {
        if (source == null) {
            if (shownRows != 0) {
                shownRows = 0;
                window.reset();
            }
            updateSummary();
            return;
        }
        EventLog log = source.log();
        long first = log.firstSeq();
        int cut = index.dropBefore(first);
        if (cut > 0) {
            window.shift(cut); // the rows on screen move up with their events
            selection.dropBefore(first);
        }
        if (!index.caughtUp(log)) {
            index.scan(log, SCAN_BUDGET_NANOS);
            selection.indexGrew();
        }
        int n = index.size();
        if (revealSelection && index.caughtUp(log)) {
            revealSelection = false;
            int row = selection.firstRow();
            if (row >= 0) {
                window.reveal(row);
            } else if (followLive) {
                window.showEnd();
            }
            shownRows = n;
        } else if (n != shownRows || cut > 0 || window.sizeChanged()) {
            shownRows = n;
            if (followLive) {
                window.showEnd();
            } else {
                window.refresh();
            }
        }
        updateSummary();
    }

    private void updateSummary() {
        String text;
        if (source == null) {
            text = "No device is serving (Device menu: start one).";
        } else {
            EventLog log = source.log();
            long next = log.nextSeq();
            long first = log.firstSeq();
            text = Counts.of(index.size(), "row") + "   \u00b7   " + Counts.of(next - first, "event") + " in the log";
            if (first > 0) {
                text += String.format(Locale.ROOT, " (%,d older dropped)", first);
            }
            if (index.scannedTo() < next) {
                text += String.format(Locale.ROOT, "   \u00b7   indexing %d%%",
                        (int) (100 * (index.scannedTo() - first) / Math.max(1, next - first)));
            }
            if (selection.count() > 1) {
                text += String.format(Locale.ROOT, "   \u00b7   %,d selected", selection.count());
            }
            text += followLive ? "   \u00b7   following live" : "   \u00b7   paused";
            if (!selection.note().isEmpty()) {
                text += "   \u00b7   " + selection.note();
            }
        }
        if (!text.equals(summary.getText())) {
            summary.setText(text);
        }
    }

    // ---- filter and follow ---------------------------------------------------------------------------------

    private void applyFilter() {
        TrafficFilter f = filterBar.filter();
        if (f == null || f.equals(index.filter())) {
            return;
        }
        // The selection (sequence numbers) stays; rows it no longer has are simply not shown as selected.
        index.reset(f);
        selection.forgetPartner();
        shownRows = -1;
        revealSelection = selection.count() > 0;
        window.reset();
        refresh();
    }

    private void setFollow(boolean on) {
        followLive = on;
        followAction.setChecked(on);
        if (on) {
            window.showEnd();
        }
        updateSummary();
    }

    // ---- API for tests and other views -----------------------------------------------------------------------

    /** The native table: it holds the rows on screen only (row {@link #topRow()} is its item 0). */
    public Table table() {
        return table;
    }

    /** Number of rows the filter lets through. */
    public int rowCount() {
        return source == null ? 0 : index.size();
    }

    /** The first row on screen. */
    public int topRow() {
        return window.top();
    }

    /** Scrolls a row into view (as "Go to" does) and returns its table item. */
    public TableItem showRow(int row) {
        window.reveal(row);
        return table.getItem(row - window.top());
    }

    /** The text of a row's cells as the table shows them, or null if its event was dropped. */
    public String[] rowCells(int row) {
        return rows.cells(row);
    }

    /** The sequence number shown in a row. */
    public long seqAt(int row) {
        return index.seqAt(row);
    }

    /** Reads what the log gained now instead of at the next tick (tests). */
    public void refreshNow() {
        refresh();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        SourceService.get().removeListener(sourceListener);
        if (table != null && !table.isDisposed()) {
            table.getDisplay().timerExec(-1, ticker);
        }
        super.dispose();
    }
}
