package io.vgpio.ui.schematic;

import org.eclipse.gef.editparts.ZoomListener;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.jface.action.Action;

/**
 * The toolbar button that shows the zoom ("64%") and goes back to 100% when pressed. It follows the zoom
 * manager, so the text is right whatever zoomed: the zoom buttons, Fit, or Ctrl+wheel.
 */
final class ZoomLabelAction extends Action implements ZoomListener {
    private final ZoomManager zoom;

    ZoomLabelAction(ZoomManager zoom) {
        super(percent(zoom.getZoom()));
        this.zoom = zoom;
        setToolTipText("Zoom: press for 100%");
        zoom.addZoomListener(this);
    }

    static String percent(double zoom) {
        return Math.round(zoom * 100) + "%";
    }

    @Override
    public void zoomChanged(double z) {
        setText(percent(z));
    }

    @Override
    public void run() {
        zoom.setZoom(1.0);
    }

    void dispose() {
        zoom.removeZoomListener(this);
    }
}
