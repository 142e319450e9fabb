package io.vgpio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;

/**
 * {@code -Dvgpio.screenshot=FILE} (e.g. through VGPIO_JAVA_OPTS): once the first window is open and the UI thread is
 * idle, saves what the screen shows of it as a PNG and prints the menu bar's titles. The UI tests run the views in
 * Eclipse's test workbench; this shows the product itself as a user meets it (its menus, its perspective), for
 * people to look at and for the end-to-end suite to check.
 */
final class WindowScreenshot {
    static final String PROPERTY = "vgpio.screenshot";
    static final String MENU_LINE = "vgpio: menu bar:";
    static final String SAVED_LINE = "vgpio: screenshot saved:";

    private WindowScreenshot() {
    }

    static boolean requested() {
        return System.getProperty(PROPERTY) != null;
    }

    /** Takes the screenshot once the events the opening queued have run. */
    static void takeWhenIdle(Shell shell) {
        Display d = shell.getDisplay();
        d.asyncExec(() -> d.timerExec(500, () -> take(shell)));
    }

    private static void take(Shell shell) {
        if (shell.isDisposed()) {
            return;
        }
        StringBuilder menus = new StringBuilder(MENU_LINE);
        Menu bar = shell.getMenuBar();
        if (bar != null) {
            for (MenuItem item : bar.getItems()) {
                menus.append(' ').append(item.getText().replace("&", ""));
            }
        }
        System.out.println(menus);
        Path file = Path.of(System.getProperty(PROPERTY));
        shell.update();
        Rectangle r = shell.getBounds();
        Image img = new Image(shell.getDisplay(), r.width, r.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(img, r.x, r.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {img.getImageData()};
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            loader.save(file.toString(), SWT.IMAGE_PNG);
            System.out.println(SAVED_LINE + " " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.out.println(SAVED_LINE + " none: " + e.getMessage());
        } finally {
            gc.dispose();
            img.dispose();
        }
        System.out.flush();
    }
}
