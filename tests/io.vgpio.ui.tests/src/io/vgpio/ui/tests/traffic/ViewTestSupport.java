package io.vgpio.ui.tests.traffic;

import static io.vgpio.ui.tests.UiTest.spinUntil;

import io.vgpio.app.GpioDebugPerspective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** What the traffic and stimulus UI tests share: the event loop, widgets by id, screenshots. */
public final class ViewTestSupport {

    private ViewTestSupport() {
    }

    /** The GPIO Debug perspective in a 1600 x 1000 window, as a user sees it. */
    public static IWorkbenchPage perspective() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1600, 1000);
        return PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
    }

    /**
     * Runs every runnable posted with asyncExec so far (views hear of a device change through one): posts a marker
     * after them and spins until it ran.
     */
    public static void drainAsync() {
        boolean[] ran = {false};
        Display.getCurrent().asyncExec(() -> ran[0] = true);
        if (!spinUntil(() -> ran[0], 10_000)) {
            throw new AssertionError("the UI thread did not get through its queue in 10 s");
        }
    }

    /** The control under {@code root} whose widget data {@code key} is {@code id}. */
    @SuppressWarnings("unchecked")
    public static <T extends Control> T find(Composite root, String key, String id) {
        for (Control c : root.getChildren()) {
            if (id.equals(c.getData(key))) {
                return (T) c;
            }
            if (c instanceof Composite k) {
                T found = find(k, key, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
