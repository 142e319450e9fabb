package io.vgpio.ui.schematic;

import io.vgpio.core.Event;
import io.vgpio.ui.schematic.actions.SchematicMenuProvider;
import io.vgpio.ui.schematic.actions.StimulusMenuProvider;
import io.vgpio.ui.schematic.figures.SchematicStyle;
import io.vgpio.ui.schematic.parts.ChipEditPart;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.ui.schematic.parts.SchematicPartFactory;
import io.vgpio.ui.schematic.parts.SchematicViewer;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.MouseWheelHandler;
import org.eclipse.gef.MouseWheelZoomHandler;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import io.vgpio.ui.schematic.figures.ChipFigure;
import io.vgpio.ui.schematic.parts.SchematicRootEditPart;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.gef.ui.actions.ZoomInAction;
import org.eclipse.gef.ui.actions.ZoomOutAction;
import org.eclipse.gef.ui.parts.GraphicalViewerKeyHandler;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.events.KeyEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.PageBookView;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.views.properties.PropertySheetPage;

/**
 * The schematic: the virtio-gpio controller as a chip with one LED or switch wired to each line, live from the
 * event log. A GEF viewer (ScalableFreeformRootEditPart: zoom, scroll bars) with a chip edit part and one edit part
 * per line; the view owns the viewer, the zoom actions, the context menu and one stimulus scheduler per device,
 * and shows a message instead of the chip while no device runs.
 *
 * <p>It shows what {@link SourceService} says: the live device, or an opened trace. For a trace the chip is
 * rebuilt at the trace's scrub time, a {@link TimeScrubber} above the chip moves it (as does selecting an event in
 * the Traffic view), and nothing can be toggled: the trace is read-only.
 */
public final class SchematicView extends ViewPart {
    public static final String ID = "io.vgpio.ui.schematic";

    static final double[] ZOOM_LEVELS = {0.25, 0.33, 0.5, 0.67, 0.75, 0.85, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0};

    private final Consumer<DataSource> sourceListener = this::sourceChanged;
    private final ISelectionListener selectionListener = this::onSelection;
    private Composite root;
    private TimeScrubber scrubber;
    private Composite stack;
    private StackLayout stackLayout;
    private Composite message;
    private SchematicViewer viewer;
    private ZoomManager zoom;
    /** The user zoomed (buttons, Ctrl+wheel, Fit): the chip no longer follows the view's size. */
    private boolean userZoomed;
    /** Set while the view itself zooms, so that its zoom listener does not take it for the user's. */
    private boolean fitting;
    private ZoomLabelAction zoomLabel;
    private SchematicDiagram diagram;
    private volatile Display display;

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        root = new Composite(parent, SWT.NONE);
        GridLayout rootLayout = new GridLayout(1, false);
        rootLayout.marginWidth = 0;
        rootLayout.marginHeight = 0;
        rootLayout.verticalSpacing = 0;
        root.setLayout(rootLayout);
        scrubber = new TimeScrubber(root);
        GridData scrubberData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        scrubberData.exclude = true;
        scrubber.setLayoutData(scrubberData);
        scrubber.setVisible(false);
        stack = new Composite(root, SWT.NONE);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        message = createMessage(stack);

        viewer = new SchematicViewer();
        viewer.createControl(stack);
        viewer.getControl().setBackground(SchematicStyle.BACKGROUND);
        ScalableFreeformRootEditPart root = new SchematicRootEditPart();
        viewer.setRootEditPart(root);
        viewer.setEditDomain(new DefaultEditDomain(null));
        viewer.setEditPartFactory(new SchematicPartFactory());
        viewer.setKeyHandler(new GraphicalViewerKeyHandler(viewer) {
            /** Space on a selected input line toggles it, as a click on its switch does. */
            @Override
            public boolean keyPressed(KeyEvent e) {
                if (e.character == ' ' && (e.stateMask & SWT.MODIFIER_MASK) == 0
                        && getFocusEditPart() instanceof LineEditPart p && p.getSelected() != EditPart.SELECTED_NONE) {
                    p.toggleInput();
                    return true;
                }
                return super.keyPressed(e);
            }
        });
        viewer.setProperty(MouseWheelHandler.KeyGenerator.getKey(SWT.MOD1), MouseWheelZoomHandler.SINGLETON);

        zoom = root.getZoomManager();
        zoom.setZoomLevels(ZOOM_LEVELS);
        zoom.setZoomLevelContributions(List.of(ZoomManager.FIT_ALL, ZoomManager.FIT_WIDTH));
        zoom.addZoomListener(z -> userZoomed |= !fitting);
        viewer.getControl().addListener(SWT.Resize, e -> followViewSize());

        SchematicMenuProvider menu = new SchematicMenuProvider(viewer, () -> diagram);
        viewer.setContextMenu(menu);
        getSite().registerContextMenu(StimulusMenuProvider.ID, menu, viewer);
        getSite().setSelectionProvider(viewer);
        viewer.setPropertiesRefresher(this::refreshPropertySheet);
        contributeToolbar(getViewSite().getActionBars().getToolBarManager());

        getSite().getPage().addSelectionListener(selectionListener);
        SourceService.get().addListener(sourceListener);
        bind(SourceService.get().current());
    }

    private static Composite createMessage(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setBackground(SchematicStyle.BACKGROUND);
        c.setLayout(new GridLayout(1, false));
        Label title = new Label(c, SWT.CENTER);
        title.setText("No GPIO device is running");
        title.setFont(SchematicStyle.title());
        title.setBackground(SchematicStyle.BACKGROUND);
        title.setLayoutData(new GridData(SWT.CENTER, SWT.END, true, true));
        Label hint = new Label(c, SWT.CENTER | SWT.WRAP);
        hint.setText("Start the device (Device menu) and its chip, lines and peripherals appear here.");
        hint.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        hint.setBackground(SchematicStyle.BACKGROUND);
        hint.setLayoutData(new GridData(SWT.CENTER, SWT.BEGINNING, true, true));
        return c;
    }

    private void contributeToolbar(IToolBarManager toolbar) {
        toolbar.add(new ZoomInAction(zoom));
        toolbar.add(new ZoomOutAction(zoom));
        zoomLabel = new ZoomLabelAction(zoom);
        toolbar.add(zoomLabel);
        Action fit = new Action("Fit") {
            @Override
            public void run() {
                fit();
            }
        };
        fit.setToolTipText("Zoom to fit the whole chip");
        fit.setImageDescriptor(ImageDescriptor.createFromURL(
                SchematicView.class.getResource("/icons/schematic/zoom-fit.png")));
        toolbar.add(fit);
    }

    /**
     * Zooms so that the whole chip fits the view, centred (the viewport centres what is smaller than it), but not
     * below the zoom at which pin names stay readable: a big chip then fills the width and scrolls from its top.
     * A chip of several units is also rearranged, as many side by side as the view's width takes.
     */
    public void fit() {
        fitAtMost(zoom.getMaxZoom());
    }

    private void fitAtMost(double maxZoom) {
        ChipEditPart chip = chipPart();
        Dimension view = viewSize();
        if (chip == null || view.width <= 0 || view.height <= 0) {
            return;
        }
        ChipFigure figure = (ChipFigure) chip.getFigure();
        FitZoom.Fit fit = FitZoom.best(figure::sizeWith, figure.chipLayout().units(), view, FitZoom.readable(),
                zoom.getMinZoom(), maxZoom);
        figure.setUnitsPerRow(fit.unitsPerRow());
        figure.getUpdateManager().performValidation();
        fitting = true;
        try {
            zoom.setZoom(fit.zoom());
        } finally {
            fitting = false;
        }
        zoom.setViewLocation(new org.eclipse.draw2d.geometry.Point(0, 0));
    }

    /** The canvas's area without scroll bars: the bars go away once the chip fits. */
    private Dimension viewSize() {
        Control c = viewer.getControl();
        Rectangle area = c instanceof org.eclipse.swt.widgets.Scrollable s ? s.getClientArea() : c.getBounds();
        int w = area.width;
        int h = area.height;
        if (c instanceof org.eclipse.swt.widgets.Scrollable s) {
            ScrollBar v = s.getVerticalBar();
            ScrollBar hb = s.getHorizontalBar();
            w += v != null && v.isVisible() ? v.getSize().x : 0;
            h += hb != null && hb.isVisible() ? hb.getSize().y : 0;
        }
        return new Dimension(w, h);
    }

    /** The zoom as the toolbar shows it, e.g. "64%". */
    public String zoomLabel() {
        return zoomLabel.getText();
    }

    /** Re-reads the values the Properties view shows, if it shows this view's selection. */
    private void refreshPropertySheet() {
        IViewPart sheet = getSite().getPage().findView(IPageLayout.ID_PROP_SHEET);
        if (sheet instanceof PageBookView book && book.getCurrentPage() instanceof PropertySheetPage page
                && page.getControl() != null && !page.getControl().isDisposed()) {
            page.refresh();
        }
    }

    /** Called on whatever thread changed the source: hop to the UI thread, then show whatever is current. */
    private void sourceChanged(DataSource source) {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> bind(SourceService.get().current()));
        }
    }

    private void bind(DataSource source) {
        if (stack.isDisposed() || (diagram != null && diagram.source().equals(source))) {
            return;
        }
        diagram = null;
        viewer.setContents((EditPart) null);
        if (source != null) {
            diagram = new SchematicDiagram(source);
            viewer.setContents(diagram);
        }
        TraceSource trace = source instanceof TraceSource t ? t : null;
        scrubber.bind(trace);
        scrubber.setVisible(trace != null);
        ((GridData) scrubber.getLayoutData()).exclude = trace == null;
        setContentDescription(source == null ? "" : source.description());
        stackLayout.topControl = source == null ? message : viewer.getControl();
        root.layout(true, true);
        userZoomed = false;
        followViewSize(); // a new chip that would be cut off (a small window, many lines) opens fitted
    }

    /**
     * Until the user zooms, the chip follows the view's size: zoomed out to fit when it would be cut off (the view
     * opened small, or got smaller), and back up to 100% when there is room again. The view often gets its size
     * only after the chip was bound, so this runs on every resize too.
     */
    private void followViewSize() {
        if (userZoomed || chipPart() == null) {
            return;
        }
        if (!fitsAtCurrentZoom() || zoom.getZoom() < 1.0) {
            fitAtMost(1.0);
        }
    }

    /** True if the whole chip shows at the current zoom, or the view has no size yet. */
    private boolean fitsAtCurrentZoom() {
        ChipEditPart chip = chipPart();
        Dimension view = viewSize();
        if (chip == null || view.width <= 0 || view.height <= 0) {
            return true;
        }
        Dimension content = ((ChipFigure) chip.getFigure()).extent().getSize().getScaled(zoom.getZoom());
        return content.width <= view.width && content.height <= view.height;
    }

    /** An event selected elsewhere (a Traffic row) moves a trace's scrub time to it. */
    private void onSelection(IWorkbenchPart part, ISelection selection) {
        if (part == this || !(selection instanceof IStructuredSelection s) || s.isEmpty() || diagram == null
                || !(diagram.source() instanceof TraceSource trace)) {
            return;
        }
        Event e = Adapters.adapt(s.getFirstElement(), Event.class);
        if (e != null && e.seq() < trace.log().nextSeq()) {
            trace.setScrubTime(e.timeNanos());
        }
    }

    @Override
    public void setFocus() {
        Control top = stackLayout.topControl;
        if (top != null && !top.isDisposed()) {
            top.setFocus();
        }
    }

    @Override
    public void dispose() {
        SourceService.get().removeListener(sourceListener);
        getSite().getPage().removeSelectionListener(selectionListener);
        if (viewer != null && viewer.getControl() != null && !viewer.getControl().isDisposed()) {
            viewer.setContents((EditPart) null);
        }
        if (zoomLabel != null) {
            zoomLabel.dispose();
        }
        diagram = null; // the stimulus scheduler is the device's: it outlives this view
        super.dispose();
    }

    // For the UI tests and for other views that want to reach the schematic.

    public GraphicalViewer viewer() {
        return viewer;
    }

    public ZoomManager zoomManager() {
        return zoom;
    }

    /** The time bar shown above the chip for a trace (hidden for the live device). */
    public TimeScrubber scrubber() {
        return scrubber;
    }

    /** The source the chip shows, or null. */
    public DataSource source() {
        return diagram == null ? null : diagram.source();
    }

    /** True while the chip is shown (a device runs or a trace is open), false while the message is. */
    public boolean showsDevice() {
        return diagram != null && stackLayout.topControl == viewer.getControl();
    }

    /** The part of a line of the shown device, or null. */
    public LineEditPart linePart(int line) {
        ChipEditPart chip = chipPart();
        if (chip == null) {
            return null;
        }
        for (Object child : chip.getChildren()) {
            if (child instanceof LineEditPart p && p.line() == line) {
                return p;
            }
        }
        return null;
    }

    public ChipEditPart chipPart() {
        return viewer.getContents() instanceof ChipEditPart c ? c : null;
    }
}
