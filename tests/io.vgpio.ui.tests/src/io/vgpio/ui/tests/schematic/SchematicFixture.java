package io.vgpio.ui.tests.schematic;

import static io.vgpio.ui.tests.UiTest.spinUntil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.DeviceConfig;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.schematic.SchematicView;
import io.vgpio.ui.schematic.parts.ChipEditPart;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.source.LiveSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** A device of its own on a temporary socket, the GPIO Debug perspective and the schematic view showing it. */
final class SchematicFixture implements AutoCloseable {
    /** The GPIO Debug perspective (io.vgpio.app does not export its class as API). */
    static final String PERSPECTIVE = "io.vgpio.app.perspective";

    final Path dir;
    final Path socket;
    final DeviceSession host;
    final IWorkbenchPage page;
    final SchematicView view;

    private SchematicFixture(Path dir, DeviceSession host, IWorkbenchPage page, SchematicView view) {
        this.dir = dir;
        this.socket = dir.resolve("gpio.sock");
        this.host = host;
        this.page = page;
        this.view = view;
    }

    static SchematicFixture start(int lines, String names) throws Exception {
        return start(DeviceConfig.builder().lines(lines).namesList(names).build());
    }

    /** A device of this configuration (its parts too), shown at 100%. */
    static SchematicFixture start(DeviceConfig config) throws Exception {
        Path dir = Files.createTempDirectory("vgpio-schematic");
        int lines = config.lines();
        DeviceSession host = DeviceService.get().start(config, dir.resolve("gpio.sock"), null);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1600, 1000);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(PERSPECTIVE, window);
        SchematicFixture f = showing(dir, lines, host, page);
        // The view outlives a test, and opens a chip that does not fit fitted: start each test at 100%, scrolled home.
        f.view.zoomManager().setZoom(1.0);
        f.view.zoomManager().setViewLocation(new org.eclipse.draw2d.geometry.Point(0, 0));
        f.settle();
        return f;
    }

    /** A device on a workbench window of the given size, the schematic showing it as it opens it (no zoom reset). */
    static SchematicFixture startAsOpened(int lines, String names, int width, int height) throws Exception {
        Path dir = Files.createTempDirectory("vgpio-schematic");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, width, height);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(PERSPECTIVE, window);
        page.showView(SchematicView.ID);
        UiTest.drain();
        DeviceConfig config = DeviceConfig.builder().lines(lines).namesList(names).build();
        DeviceSession host = DeviceService.get().start(config, dir.resolve("gpio.sock"), null);
        SchematicFixture f = showing(dir, lines, host, page);
        f.settle();
        return f;
    }

    /** The schematic view, once it shows the device's chip with every line drawn. */
    private static SchematicFixture showing(Path dir, int lines, DeviceSession host, IWorkbenchPage page)
            throws Exception {
        SchematicView view = (SchematicView) page.showView(SchematicView.ID);
        SchematicFixture f = new SchematicFixture(dir, host, page, view);
        assertTrue(spinUntil(() -> f.chipPart() != null
                && f.chipPart().diagram().source() instanceof LiveSource l && l.session() == host
                && f.view.linePart(Math.min(lines, ChipEditPart.MAX_SHOWN) - 1).lineFigure().state() != null, 5000),
                "the schematic shows the device");
        return f;
    }

    ChipEditPart chipPart() {
        return view.chipPart();
    }

    LineEditPart line(int line) {
        return view.linePart(line);
    }

    Control canvas() {
        return view.viewer().getControl();
    }

    /** The centre of a figure in the canvas's coordinates (zoom and scrolling applied). */
    static Point centerOnCanvas(IFigure figure) {
        Rectangle r = figure.getBounds().getCopy();
        figure.translateToAbsolute(r);
        return new Point(r.x + r.width / 2, r.y + r.height / 2);
    }

    /** Lays out and paints the schematic now (see {@link UiTest#settle}). */
    void settle() {
        UiTest.settle((FigureCanvas) canvas());
    }

    /**
     * Clicks the centre of a figure once the canvas would deliver a click there to that figure: on a freshly
     * opened view the figures may exist before draw2d has given their parents bounds, and a click then lands on
     * the background.
     */
    void clickOn(IFigure figure, int button) {
        FigureCanvas c = (FigureCanvas) canvas();
        UiTest.waitFor("a click at the centre of " + figure + " reaches it", () -> {
            UiTest.settle(c);
            Point at = centerOnCanvas(figure);
            IFigure hit = c.getLightweightSystem().getRootFigure().findFigureAt(at.x, at.y);
            for (IFigure f = hit; f != null; f = f.getParent()) {
                if (f == figure) {
                    return true;
                }
            }
            return false;
        });
        click(centerOnCanvas(figure), button);
    }

    /** A left click as SWT delivers it: move, down, up at the point. */
    void click(Point at, int button) {
        Control c = canvas();
        send(c, SWT.MouseMove, at, 0);
        send(c, SWT.MouseDown, at, button);
        send(c, SWT.MouseUp, at, button);
    }

    private static void send(Control c, int type, Point at, int button) {
        Event e = new Event();
        e.widget = c;
        e.display = c.getDisplay();
        e.x = at.x;
        e.y = at.y;
        e.button = button;
        e.count = button == 0 ? 0 : 1;
        e.time = (int) System.currentTimeMillis();
        c.notifyListeners(type, e);
    }

    @Override
    public void close() throws Exception {
        DeviceService.get().stop();
        spinUntil(() -> !view.showsDevice(), 2000);
        try (var files = Files.list(dir)) {
            files.forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(dir);
    }
}
