package io.vgpio.ui.tests.debug;

import io.vgpio.ui.tests.UiTest;
import java.nio.file.Path;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;

/**
 * Screenshots of the debug views as their widgets are now: {@link Control#print} draws them into an image, where a
 * screen copy taken right after a change can still show the picture from before it.
 */
final class Screens {
    private Screens() {
    }

    static Path save(Control control, String name) throws Exception {
        Point size = control.getSize();
        Image img = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(img);
        try {
            control.print(gc);
            return UiTest.save(img.getImageData(), name);
        } finally {
            gc.dispose();
            img.dispose();
        }
    }
}
