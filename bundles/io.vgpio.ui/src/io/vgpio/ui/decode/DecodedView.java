package io.vgpio.ui.decode;

import io.vgpio.core.Event;
import io.vgpio.core.EventLog;
import io.vgpio.core.waveform.TimeText;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.part.ViewPart;

/**
 * Decoded: one row per transaction of every decoder on the waveform (time, duration, decoder, summary such as
 * {@code write 0x48 [00]; read 0x48 [17 80]}), for the live device as it decodes or for an opened trace.
 * A view of its own rather than a mode of the Traffic view: a transaction spans many virtqueue rows, and the two
 * tables scroll and select independently. Selecting a row puts the waveform's cursors A and B on the transaction
 * and selects in the Traffic view the events of its lines that carried it; cursor A placed on the waveform selects
 * the transaction there. Polls on a UI timer and rebuilds its rows only when a decoder found something.
 */
public final class DecodedView extends ViewPart implements DecoderService.Link {
    public static final String ID = "io.vgpio.ui.decoded";
    static final int TICK_MS = 100;
    /** Events a row selects in the Traffic view at most (its own selection keeps as many). */
    static final int MAX_TRAFFIC_EVENTS = 10_000;
    private static final String TRAFFIC_VIEW = "io.vgpio.ui.traffic";

    private final Consumer<DataSource> sourceListener = s -> changed = true;
    private Table table;
    private Label status;
    private List<DecoderService.Decoded> rows = List.of();
    private long shownVersion = -1;
    private boolean changed = true;
    private boolean selecting;

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        parent.setLayout(layout);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setData("io.vgpio.id", "decoded.status");
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setData("io.vgpio.id", "decoded.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // the long summary last, so that a narrow view cuts nothing else
        column("Time (s)", 110);
        column("Duration", 90);
        column("Decoder", 110);
        column("Transaction", 420);
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
        table.addListener(SWT.Selection, e -> rowSelected());
        SourceService.get().addListener(sourceListener);
        DecoderService.get().addLink(this);
        tick();
    }

    private void column(String title, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
    }

    private void tick() {
        if (table.isDisposed()) {
            return;
        }
        refresh();
        table.getDisplay().timerExec(TICK_MS, this::tick);
    }

    /** Decodes what is new and shows it (the timer's work; tests call it to avoid waiting a tick). */
    public void refresh() {
        DataSource source = SourceService.get().current();
        DecoderService service = DecoderService.get();
        boolean found = source != null && service.poll(source);
        if (!found && !changed && service.version() == shownVersion) {
            return;
        }
        changed = false;
        shownVersion = service.version();
        rows = source == null ? List.of() : service.transactions(source);
        table.setItemCount(rows.size());
        table.clearAll();
        int decoders = source == null ? 0 : service.entries(source).size();
        status.setText(decoders == 0 ? "No decoders: add one on the Waveform (Add Decoder...)"
                : rows.size() + " transactions from " + decoders + (decoders == 1 ? " decoder" : " decoders"));
    }

    private void fill(TableItem item, int row) {
        if (row < 0 || row >= rows.size()) {
            return;
        }
        DecoderService.Decoded d = rows.get(row);
        item.setText(new String[] {TimeText.seconds(d.transaction().startNs()),
            TimeText.duration(d.transaction().endNs() - d.transaction().startNs()), d.decoder().spec().title(),
            d.transaction().summary()});
    }

    /** The view's table and status line (screenshots). */
    public org.eclipse.swt.widgets.Control control() {
        return table.getParent();
    }

    /** The rows shown: decoder title and summary, for tests. */
    public List<String> rowTexts() {
        return rows.stream().map(d -> d.decoder().spec().title() + ": " + d.transaction().summary()).toList();
    }

    /** Selects a row as a user's click does: the waveform and the Traffic view follow. */
    public void select(int row) {
        table.setSelection(row);
        rowSelected();
    }

    public int selectedRow() {
        return table.getSelectionIndex();
    }

    private void rowSelected() {
        int i = table.getSelectionIndex();
        if (selecting || i < 0 || i >= rows.size()) {
            return;
        }
        DecoderService.Decoded d = rows.get(i);
        selecting = true;
        try {
            DecoderService.get().choose(d);
            selectTraffic(d);
        } finally {
            selecting = false;
        }
    }

    /** Selects in the Traffic view (if open) the events of the decoder's lines during the transaction. */
    private void selectTraffic(DecoderService.Decoded d) {
        IViewPart traffic = getSite().getPage().findView(TRAFFIC_VIEW);
        DataSource source = SourceService.get().current();
        if (traffic == null || source == null || d.decoder().run() == null) {
            return;
        }
        int[] lines = d.decoder().run().binding().channelLines();
        List<Event> events = new ArrayList<>();
        EventLog log = source.log();
        long seq = log.seqAtOrAfter(d.start());
        while (events.size() < MAX_TRAFFIC_EVENTS) {
            long from = seq;
            boolean[] past = {false};
            seq = log.read(from, 1024, (s, t, kind, line, a, b) -> {
                if (t > d.end()) {
                    past[0] = true;
                } else if (!past[0] && carries(lines, line) && events.size() < MAX_TRAFFIC_EVENTS) {
                    events.add(new Event(s, t, kind, line, a, b));
                }
            });
            if (seq == from || past[0]) {
                break;
            }
        }
        if (!events.isEmpty()) {
            traffic.getSite().getSelectionProvider().setSelection(new StructuredSelection(events));
        }
    }

    private static boolean carries(int[] lines, int line) {
        for (int l : lines) {
            if (l >= 0 && l == line) {
                return true;
            }
        }
        return false;
    }

    /** Cursor A placed on the waveform: select the transaction there (or the last one that started before). */
    @Override
    public void cursorPlaced(long time) {
        if (selecting || table.isDisposed()) {
            return;
        }
        refresh();
        int best = -1;
        for (int i = 0; i < rows.size() && rows.get(i).start() <= time; i++) {
            best = i;
        }
        if (best >= 0) {
            table.setSelection(best);
            table.showSelection();
        } else {
            table.deselectAll();
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        SourceService.get().removeListener(sourceListener);
        DecoderService.get().removeLink(this);
        super.dispose();
    }
}
