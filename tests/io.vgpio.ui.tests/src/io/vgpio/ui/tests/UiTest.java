package io.vgpio.ui.tests;

import io.vgpio.core.DeviceConfig;
import io.vgpio.ui.DeviceService;
import io.vgpio.session.DeviceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** What every UI test needs: running the event loop until something shows, and screenshots as build artifacts. */
public final class UiTest {
    /** Where screenshots go: tests/io.vgpio.ui.tests/target/screenshots. */
    public static final Path SHOTS = Path.of(System.getProperty("vgpio.repo", "."),
            "tests/io.vgpio.ui.tests/target/screenshots");

    private UiTest() {
    }

    /** Serves the tests' usual device (8 lines: LED, BUTTON, unnamed, RESET, ...) with its sockets in dir. */
    public static DeviceSession startDevice(Path dir) throws Exception {
        return DeviceService.get().start(DeviceConfig.builder().lines(8).namesList("LED,BUTTON,,RESET").build(),
                dir.resolve("gpio.sock"), dir.resolve("gpio.ctl"));
    }

    /** The shortest time-out of a wait for a condition. */
    static final long MIN_TIMEOUT_MILLIS = 30_000;

    /** Runs the UI event loop until the condition holds; false on timeout. Call on the UI thread. */
    public static boolean spinUntil(BooleanSupplier done, long timeoutMillis) {
        Display d = Display.getCurrent();
        // A time-out only says that something is broken, and the condition ends the wait at once when it holds:
        // no test waits for less than the floor, which a loaded CI machine (load 11 on 2 cores was seen) needs.
        long end = System.currentTimeMillis() + Math.max(timeoutMillis, MIN_TIMEOUT_MILLIS);
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() >= end) {
                return false;
            }
            if (!d.readAndDispatch()) {
                d.timerExec(5, () -> { }); // wake up soon even if nothing is posted
                d.sleep();
            }
        }
        return true;
    }

    /**
     * Runs every event already queued on the UI thread (asyncExecs, layouts, paints) until the queue is empty.
     * Work that a timer schedules later is not waited for: wait for its effect with {@link #spinUntil}.
     */
    public static void drain() {
        Display d = Display.getCurrent();
        for (int i = 0; i < 100_000 && d.readAndDispatch(); i++) {
            // each call ran one event
        }
    }

    /**
     * Brings a draw2d canvas up to date now: the queued events run, then its update manager lays out and paints
     * every invalid figure, so that hit-testing and screenshots see the figures where they are drawn. (draw2d
     * validates from an asyncExec; on a freshly opened view that may not have run yet.)
     */
    public static void settle(FigureCanvas canvas) {
        drain();
        canvas.getLightweightSystem().getUpdateManager().performUpdate();
        drain();
    }

    /** Asserts that the condition comes true, running the UI event loop meanwhile; the deadline is only a guard. */
    public static void waitFor(String what, BooleanSupplier done) {
        if (!spinUntil(done, 20_000)) {
            throw new AssertionError("still not true after 20 s: " + what);
        }
    }

    /** What the screen shows of a control (a shell included), as image data in the control's coordinates. */
    public static ImageData capture(Control control) {
        control.update();
        Display display = control.getDisplay();
        Point size = control.getSize();
        Point at = control.toDisplay(0, 0);
        Image img = new Image(display, size.x, size.y);
        GC gc = new GC(display);
        try {
            gc.copyArea(img, at.x, at.y);
            return img.getImageData();
        } finally {
            gc.dispose();
            img.dispose();
        }
    }

    /**
     * A draw2d canvas as its figures are now, painted off screen: the same pixels the canvas shows once painted,
     * without waiting for the window system to paint it (a screen copy taken right after a change can show the
     * picture from before it).
     */
    public static ImageData render(FigureCanvas canvas) {
        settle(canvas);
        IFigure root = canvas.getLightweightSystem().getRootFigure();
        org.eclipse.draw2d.geometry.Rectangle b = root.getBounds();
        Image img = new Image(canvas.getDisplay(), Math.max(1, b.width), Math.max(1, b.height));
        GC gc = new GC(img);
        SWTGraphics g = new SWTGraphics(gc);
        try {
            g.setBackgroundColor(canvas.getBackground());
            g.fillRectangle(0, 0, b.width, b.height);
            root.paint(g);
            g.dispose();
            return img.getImageData();
        } finally {
            gc.dispose();
            img.dispose();
        }
    }

    /** Saves what the screen shows of a control as PNG under {@link #SHOTS}, for people to look at. */
    public static Path screenshot(Control control, String name) throws Exception {
        return save(capture(control), name);
    }

    /** Saves captured image data as PNG under {@link #SHOTS}. */
    public static Path save(ImageData data, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    /** How many pixels in the rectangle are within {@code tolerance} of the colour in each of R, G and B. */
    public static int pixelsNear(ImageData data, Rectangle area, RGB colour, int tolerance) {
        int count = 0;
        for (int y = Math.max(0, area.y); y < Math.min(data.height, area.y + area.height); y++) {
            for (int x = Math.max(0, area.x); x < Math.min(data.width, area.x + area.width); x++) {
                RGB p = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(p.red - colour.red) <= tolerance && Math.abs(p.green - colour.green) <= tolerance
                        && Math.abs(p.blue - colour.blue) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }
}
