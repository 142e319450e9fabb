package io.vgpio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vgpio.app.GpioDebugPerspective;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs on the UI thread of a real workbench (Tycho UI harness, Xvfb in CI). */
class PerspectiveTest {

    @Test
    @DisplayName("The GPIO Debug perspective opens with all its views")
    void perspective_opens_with_all_views() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "a workbench window");
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        assertEquals(GpioDebugPerspective.ID, page.getPerspective().getId());
        for (String id : new String[] {GpioDebugPerspective.SCHEMATIC, GpioDebugPerspective.WAVEFORM,
                GpioDebugPerspective.TRAFFIC, GpioDebugPerspective.STIMULUS, GpioDebugPerspective.CONSOLE,
                GpioDebugPerspective.HARDWARE, GpioDebugPerspective.DECODED, GpioDebugPerspective.DEBUG,
                GpioDebugPerspective.BREAKPOINTS, GpioDebugPerspective.FAULTS}) {
            IViewPart view = page.showView(id);
            assertNotNull(view, id);
            // A view whose class failed to load is replaced by an error part of another class.
            assertFalse(view.getClass().getName().contains("ErrorViewPart"), id + " failed to open: " + view);
            assertEquals(id, view.getViewSite().getId());
        }
    }
}
