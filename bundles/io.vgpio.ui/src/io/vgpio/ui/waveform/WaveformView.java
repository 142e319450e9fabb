package io.vgpio.ui.waveform;

import io.vgpio.core.Event;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.swt.ChartComposite;

/**
 * The waveform: one digital lane per GPIO line (colour is level, as in the schematic: high green, low blue; the
 * direction is in the lane's label) and one marker lane per kind of
 * virtqueue traffic, over a time window that follows "now" or stays where the user put it. It only queries the
 * device's event log through {@link io.vgpio.core.timeline.Timeline}, for the visible window at one column per
 * pixel, from a UI timer at most 30 times a second and only when something moved.
 *
 * <p>Lanes keep a readable height ({@link LaneScroller}); when they do not all fit, a scroll bar (or the wheel over
 * the labels) moves through them. Mouse: wheel zooms around the pointer, drag pans (and pauses), click sets cursor
 * A, shift-click or right-click cursor B (the status line gives Δt). Events selected in the Traffic view are marked and, paused, scrolled to.
 *
 * <p>It shows what {@link SourceService} says: the live device, or an opened trace, which starts paused with the
 * whole recording in the window (follow-live is off: a trace does not grow) and shows the schematic's scrub time
 * as a cursor.
 */
public final class WaveformView extends ViewPart {
    public static final String ID = "io.vgpio.ui.waveform";
    /** Frame period of the UI timer. */
    static final int TICK_MS = 33;

    private final WaveformModel model = new WaveformModel();
    private final WaveformChart chart = new WaveformChart();
    private final Consumer<DataSource> sourceListener = this::sourceChanged;
    private final ISelectionListener selectionListener = this::onSelection;
    private ChartComposite composite;
    private Label status;
    private LaneScroller lanes;
    private Action followAction;
    private boolean dirty = true;
    private boolean ticking;
    private long frames;
    private long shownScrub = WaveformModel.NONE;
    private IMemento memento;
    private WaveformDecoders decoders;
    private AnnotationLegend annotationLegend;

    @Override
    public void init(IViewSite site, IMemento m) throws PartInitException {
        super.init(site, m);
        this.memento = m;
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        layout.horizontalSpacing = 0;
        parent.setLayout(layout);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status.setData("io.vgpio.id", "waveform.status");
        LevelLegend legend = new LevelLegend(parent);
        legend.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        annotationLegend = new AnnotationLegend(parent);
        decoders = new WaveformDecoders(this, this::changed);
        composite = new ChartComposite(parent, SWT.NONE, chart.chart(), 800, 400, 10, 10, 10000, 10000, true, false,
                false, false, false, false);
        composite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        lanes = new LaneScroller(parent, this::changed);
        lanes.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        composite.setDomainZoomable(false);
        composite.setRangeZoomable(false);
        composite.setData("io.vgpio.id", "waveform.chart");
        new WaveformMouse(this, canvas()).install();
        WaveformMemento.restore(model, memento);
        followAction = WaveformActions.install(this, getViewSite().getActionBars(), model.isFollowing());
        decoders.fillMenu(getViewSite().getActionBars().getMenuManager());
        getSite().getPage().addSelectionListener(selectionListener);
        SourceService.get().addListener(sourceListener);
        bindSource(SourceService.get().current());
        startTimer();
    }

    Control canvas() {
        return composite.getChildren()[0];
    }

    /** The JFreeChart SWT composite (for tests and screenshots). */
    public ChartComposite chartComposite() {
        return composite;
    }

    /** Builds the frame and paints it now, synchronously (benchmarks: the cost of one whole frame). */
    public void paintNow() {
        refreshNow();
        composite.forceRedraw();
        composite.update();
    }

    /** The plot's data area in canvas pixels. */
    public org.eclipse.swt.graphics.Rectangle chartDataArea() {
        return composite.getScreenDataArea();
    }

    public String statusText() {
        return status.getText();
    }

    /** The model behind the view (for tests and the mouse handler). */
    public WaveformModel model() {
        return model;
    }

    WaveformChart chart() {
        return chart;
    }

    // ---- state changes (UI thread) ------------------------------------------------------------------------

    public void setFollowing(boolean on) {
        model.setFollowing(on, model.now());
        if (followAction != null) {
            followAction.setChecked(on);
        }
        changed();
    }

    /** Zooms by factor around x (a pixel column of the data area), or the centre if x is NaN. */
    void zoom(double factor, double column) {
        long now = model.now();
        WaveformModel.Frame f = model.lastFrame();
        long anchor;
        if (f == null || Double.isNaN(column)) {
            anchor = model.windowStart(now) + model.span() / 2;
        } else {
            anchor = (long) f.timeAt(column);
        }
        model.zoom(factor, anchor, now);
        changed();
    }

    void pan(long dt) {
        model.pan(dt, model.now());
        followAction.setChecked(false);
        changed();
    }

    public void fit() {
        model.update();
        model.fit(model.now());
        followAction.setChecked(false);
        changed();
    }

    void setCursor(boolean b, long t) {
        if (b) {
            model.setCursorB(t);
        } else {
            model.setCursorA(t);
            io.vgpio.ui.decode.DecoderService.get().cursorPlaced(t); // the Decoded view selects what is there
        }
        changed();
    }

    /**
     * Puts cursors A and B on a span (a decoded transaction) and brings it into the window, paused: zoomed so that
     * it fills about half of it when it is much smaller or larger than the window.
     */
    public void showSpan(long start, long end) {
        model.showSpan(start, end, model.now());
        followAction.setChecked(false);
        changed();
    }

    /** Opens the Add Decoder dialog (the toolbar's and the view menu's item). */
    void addDecoder() {
        decoders.addDecoder();
    }

    /** Marks a selected event, and scrolls to it when paused. */
    public void highlight(Event e) {
        model.setHighlight(e.timeNanos());
        if (!model.isFollowing()) {
            long now = model.now();
            long start = model.windowStart(now);
            if (e.timeNanos() < start || e.timeNanos() > start + model.span()) {
                model.centreOn(e.timeNanos(), now);
            }
        }
        changed();
    }

    void chooseLanes() {
        LaneDialog d = new LaneDialog(getSite().getShell(), model.lanes(), model.hiddenKeys(), model.activeLanes());
        if (d.open() == LaneDialog.OK) {
            model.setHidden(d.hidden());
            changed();
        }
    }

    /** Writes the current frame as PNG or SVG, by the file's extension. */
    public void exportTo(Path file) throws IOException {
        WaveformModel.Frame f = model.lastFrame();
        if (f == null) {
            refreshNow();
            f = model.lastFrame();
        }
        WaveformExport.write(f, chart, composite, file);
    }

    // ---- device and selection -----------------------------------------------------------------------------

    private void sourceChanged(DataSource source) {
        Display d = composite == null || composite.isDisposed() ? null : composite.getDisplay();
        if (d == null) {
            return;
        }
        d.asyncExec(() -> {
            if (!composite.isDisposed()) {
                bindSource(SourceService.get().current());
            }
        });
    }

    private void bindSource(DataSource source) {
        if (source != null && source.equals(model.source())) {
            return;
        }
        model.bind(source);
        decoders.bind(source);
        boolean live = source == null || source.isLive();
        chart.setTrace(!live);
        if (followAction != null) {
            followAction.setEnabled(live);
            followAction.setChecked(model.isFollowing());
        }
        setContentDescription(source == null ? "" : source.description());
        shownScrub = WaveformModel.NONE;
        changed();
    }

    /** A workbench selection: an {@link Event} (or something adapting to one) from the Traffic view. */
    public void onSelection(IWorkbenchPart part, ISelection selection) {
        if (part == this || !(selection instanceof IStructuredSelection s) || s.isEmpty()) {
            return;
        }
        Event e = Adapters.adapt(s.getFirstElement(), Event.class);
        if (e != null && model.source() != null && composite != null && !composite.isDisposed()) {
            highlight(e);
        }
    }

    // ---- the frame timer ----------------------------------------------------------------------------------

    private void changed() {
        dirty = true;
    }

    private void startTimer() {
        if (ticking) {
            return;
        }
        ticking = true;
        composite.getDisplay().timerExec(TICK_MS, this::tick);
    }

    private void tick() {
        if (composite == null || composite.isDisposed()) {
            ticking = false;
            return;
        }
        boolean moved = model.update();
        if (decoders.poll()) {
            dirty = true;
        }
        if (model.source() instanceof TraceSource t && t.scrubTime() != shownScrub) {
            shownScrub = t.scrubTime(); // the schematic's scrubber moved: move the cursor
            dirty = true;
        }
        // Following, the window slides with now: a new frame every tick. Paused, only when something changed
        // (new events can land in a paused window that reaches to now).
        boolean need = dirty || model.isFollowing() || (moved && windowReachesNow());
        if (need && composite.isVisible()) {
            refreshNow();
        }
        composite.getDisplay().timerExec(TICK_MS, this::tick);
    }

    private boolean windowReachesNow() {
        WaveformModel.Frame f = model.lastFrame();
        return f == null || f.t1() >= model.timeline().lastTime() - model.span();
    }

    /** Queries the visible window and redraws (UI thread). */
    public void refreshNow() {
        int columns = DataArea.columns(composite);
        WaveformModel.Frame f = model.frame(columns, model.now());
        java.util.List<ChartRow> rows = decoders.rows(f);
        annotationLegend.show(rows.stream().anyMatch(ChartRow::isDecoder));
        lanes.update(rows.size(), DataArea.height(composite));
        chart.showLanes(lanes.first(), lanes.count());
        chart.show(f, rows);
        dirty = false;
        frames++;
        updateStatus(f);
    }

    /** Scrolls the lanes by {@code delta} (the mouse wheel over the labels). */
    void scrollLanes(int delta) {
        if (lanes.scrollBy(delta)) {
            changed();
        }
    }

    /** Puts a lane (an index into the visible lanes) at the top, as far as the lanes reach. */
    public void scrollLanesTo(int lane) {
        lanes.scrollTo(lane);
        changed();
    }

    /** The first lane shown and how many are shown, as {first, count} (tests). */
    public int[] laneWindow() {
        return new int[] {lanes.first(), lanes.count()};
    }

    /** The lane labels the chart drew at its last paint, top down (tests read them back). */
    public java.util.List<String> drawnLaneLabels() {
        return chart.drawnLaneLabels();
    }

    /** The texts of the annotation boxes the last paint drew in a decoder row (top tier, then bits), for tests. */
    public java.util.List<String> drawnAnnotations(String rowLabel) {
        return chart.drawnBoxes(rowLabel).stream().map(b -> b.tier() == 1 ? "bit " + b.text() : b.text()).toList();
    }

    public long framesDrawn() {
        return frames;
    }

    private void updateStatus(WaveformModel.Frame f) {
        String text = WaveformStatus.of(model, f);
        if (!text.equals(status.getText())) {
            status.setText(text);
        }
    }

    /** Tooltip for the pointer at a data-area position: the event (or annotation) nearest to it in its row. */
    public String tooltipAt(double column, double laneValue) {
        return WaveformDecoders.tooltip(model, chart.rows(), column, laneValue);
    }

    // ---- memento ------------------------------------------------------------------------------------------

    @Override
    public void saveState(IMemento m) {
        WaveformMemento.save(model, m);
    }

    @Override
    public void setFocus() {
        composite.setFocus();
    }

    @Override
    public void dispose() {
        SourceService.get().removeListener(sourceListener);
        getSite().getPage().removeSelectionListener(selectionListener);
        decoders.dispose();
        super.dispose();
    }
}
