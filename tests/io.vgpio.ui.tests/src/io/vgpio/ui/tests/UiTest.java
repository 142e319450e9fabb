package io.vgpio.ui.tests;

import io.vgpio.core.DeviceConfig;
import io.vgpio.ui.DeviceService;
import io.vgpio.vhost.DeviceHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
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
    public static DeviceHost startDevice(Path dir) throws Exception {
        return DeviceService.get().start(DeviceConfig.builder().lines(8).namesList("LED,BUTTON,,RESET").build(),
                dir.resolve("gpio.sock"), dir.resolve("gpio.ctl"));
    }

    /** Runs the UI event loop until the condition holds; false on timeout. Call on the UI thread. */
    public static boolean spinUntil(BooleanSupplier done, long timeoutMillis) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMillis;
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

    /** Runs the UI event loop for a while. */
    public static void spin(long millis) {
        long end = System.currentTimeMillis() + millis;
        spinUntil(() -> System.currentTimeMillis() >= end, millis + 1000);
    }

    /** Saves what the screen shows of a control (a shell included) as PNG under {@link #SHOTS}. */
    public static Path screenshot(Control control, String name) throws Exception {
        Files.createDirectories(SHOTS);
        control.update();
        Display display = control.getDisplay();
        Point size = control.getSize();
        Point at = control.toDisplay(0, 0);
        Image img = new Image(display, size.x, size.y);
        GC gc = new GC(display);
        try {
            gc.copyArea(img, at.x, at.y);
        } finally {
            gc.dispose();
        }
        Path file = SHOTS.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {img.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        img.dispose();
        return file;
    }
}
