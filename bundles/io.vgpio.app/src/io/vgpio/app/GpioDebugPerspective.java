package io.vgpio.app;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The "GPIO Debug" perspective: empty until the views exist. */
public final class GpioDebugPerspective implements IPerspectiveFactory {

    public static final String ID = "io.vgpio.app.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
    }
}
