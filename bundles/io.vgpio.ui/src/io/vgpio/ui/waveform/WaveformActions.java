package io.vgpio.ui.waveform;

import io.vgpio.ui.ToolbarIcons;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** The waveform's toolbar: Follow, zoom, Fit, Lanes..., Add Decoder... and Export..., each calling the view. */
final class WaveformActions {
    private WaveformActions() {
    }

    /** Fills the view's toolbar and returns the Follow toggle, which the view keeps in step with its model. */
    static Action install(WaveformView view, IActionBars bars, boolean following) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        Action follow = new Action("Follow", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                view.setFollowing(isChecked());
            }
        };
        follow.setToolTipText("Follow live: the window slides with now (off: paused)");
        follow.setChecked(following);
        follow.setImageDescriptor(ToolbarIcons.get("follow"));
        Action zoomIn = action("Zoom In", "Zoom in around the centre (or the wheel, around the pointer)",
                () -> view.zoom(0.5, Double.NaN));
        Action zoomOut = action("Zoom Out", "Zoom out around the centre", () -> view.zoom(2, Double.NaN));
        Action fit = action("Fit", "Show every event the log holds (pauses)", view::fit);
        zoomIn.setImageDescriptor(ToolbarIcons.get("zoom-in"));
        zoomOut.setImageDescriptor(ToolbarIcons.get("zoom-out"));
        fit.setImageDescriptor(ToolbarIcons.file("icons/schematic/zoom-fit.png"));
        Action lanes = action("Lanes...", "Choose the lanes to show", view::chooseLanes);
        Action export = action("Export...", "Save the waveform as PNG or SVG",
                () -> WaveformExport.ask(view.getSite().getShell(), view));
        Action decoder = action("Add Decoder...", "Decode I2C, SPI, UART or 1-Wire on some lines: a lane of"
                + " annotations under them, and their transactions in the Decoded view", view::addDecoder);
        lanes.setImageDescriptor(ToolbarIcons.get("lanes"));
        // An icon, not the words: with them the toolbar took a row of its own and the lanes lost its height.
        decoder.setImageDescriptor(ToolbarIcons.get("add-decoder"));
        export.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
        IToolBarManager tb = bars.getToolBarManager();
        tb.add(follow);
        tb.add(new Separator());
        tb.add(zoomIn);
        tb.add(zoomOut);
        tb.add(fit);
        tb.add(new Separator());
        tb.add(lanes);
        tb.add(decoder);
        tb.add(export);
        bars.updateActionBars();
        return follow;
    }

    private static Action action(String text, String tip, Runnable r) {
        Action a = new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
        a.setToolTipText(tip);
        return a;
    }
}
