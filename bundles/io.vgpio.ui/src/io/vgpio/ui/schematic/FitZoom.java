package io.vgpio.ui.schematic;

import io.vgpio.ui.schematic.figures.SchematicStyle;
import org.eclipse.draw2d.geometry.Dimension;

/**
 * The zoom at which the whole chip fits the view, but never so small that the pin names cannot be read: a
 * large chip then fills the view's width at the smallest readable zoom and scrolls down, like a list of pins.
 */
final class FitZoom {
    private FitZoom() {
    }

    /**
     * @param content the chip's size at 100%
     * @param view the visible area in pixels
     * @param readable the smallest zoom at which the pin names are still readable
     * @param min the zoom manager's smallest zoom
     * @param max the zoom manager's largest zoom
     */
    static double of(Dimension content, Dimension view, double readable, double min, double max) {
        if (content.width <= 0 || content.height <= 0 || view.width <= 0 || view.height <= 0) {
            return 1.0;
        }
        double fit = Math.min((double) view.width / content.width, (double) view.height / content.height);
        double floor = Math.min(readable, 1.0);
        return Math.max(min, Math.min(max, Math.max(fit, floor)));
    }

    /** The smallest zoom at which the pin names (the regular font) are at least {@link SchematicStyle#READABLE_PX}. */
    static double readable() {
        return SchematicStyle.READABLE_PX / SchematicStyle.pixelHeight(SchematicStyle.regular());
    }
}
