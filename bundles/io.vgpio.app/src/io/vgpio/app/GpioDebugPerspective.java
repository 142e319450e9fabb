package io.vgpio.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "GPIO Debug" perspective: the schematic in the middle, stimulus, properties, the Debug view (and cheat sheets)
 * on the right, waveform, traffic, console, the machine's GPIO hardware, breakpoints and fault rules below.
 */
public final class GpioDebugPerspective implements IPerspectiveFactory {

    public static final String ID = "io.vgpio.app.perspective";
    public static final String SCHEMATIC = "io.vgpio.ui.schematic";
    public static final String WAVEFORM = "io.vgpio.ui.waveform";
    public static final String TRAFFIC = "io.vgpio.ui.traffic";
    public static final String STIMULUS = "io.vgpio.ui.stimulus";
    public static final String CONSOLE = "io.vgpio.ui.console";
    public static final String HARDWARE = "io.vgpio.ui.hardware";
    /** The debugger (issue 13): the device as a debug target, its GPIO breakpoints, its fault rules. */
    public static final String DEBUG = "org.eclipse.debug.ui.DebugView";
    public static final String BREAKPOINTS = "org.eclipse.debug.ui.BreakpointView";
    public static final String FAULTS = "io.vgpio.ui.faults";
    /** The decoders' transactions: beside the stimulus, so that it shows next to the waveform it links with. */
    public static final String DECODED = "io.vgpio.ui.decoded";
    /** Help > Getting Started opens its cheat sheets here, beside the views each step points at. */
    public static final String CHEAT_SHEETS = "org.eclipse.ui.cheatsheets.views.CheatSheetView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(SCHEMATIC, IPageLayout.LEFT, 0.62f, editor);
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.62f, SCHEMATIC);
        right.addView(STIMULUS);
        right.addView(IPageLayout.ID_PROP_SHEET);
        right.addView(DEBUG);
        right.addPlaceholder(CHEAT_SHEETS);
        right.addPlaceholder(DECODED);
        // Half and half: at 1024x700 the schematic's fitted chip and legend need about half the height at a readable
        // zoom (SchematicSizeTest), and the waveform scrolls its lanes in the other half.
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.50f, SCHEMATIC);
        bottom.addView(WAVEFORM);
        bottom.addView(TRAFFIC);
        bottom.addView(CONSOLE);
        bottom.addView(HARDWARE);
        bottom.addView(BREAKPOINTS);
        bottom.addView(FAULTS);
        for (String id : new String[] {SCHEMATIC, WAVEFORM, TRAFFIC, STIMULUS, CONSOLE, HARDWARE, DECODED, DEBUG,
                BREAKPOINTS, FAULTS, IPageLayout.ID_PROP_SHEET}) {
            layout.addShowViewShortcut(id);
        }
    }
}
