package io.vgpio.ui.schematic;

import io.vgpio.ui.schematic.figures.SchematicStyle;
import io.vgpio.ui.schematic.figures.ChipLayout;
import java.util.function.IntFunction;
import org.eclipse.draw2d.geometry.Dimension;

/**
 * The zoom at which the whole chip fits the view, but never so small that the pin names cannot be read: a
 * large chip then fills the view's width at the smallest readable zoom and scrolls down, like a list of pins.
 * For a chip of several units it also picks how many go side by side: the arrangement with the largest zoom
 * whose width fits the view, the most units side by side among equals (less to scroll).
 */
final class FitZoom {
    /** A fitted arrangement: units side by side, and the zoom. */
    record Fit(int unitsPerRow, double zoom) {
    }

    private FitZoom() {
    }

    /**
     * @param sizeWith the chip's size at 100% with a given number of units side by side
     * @param units the chip's units (at most this many side by side)
     */
    static Fit best(IntFunction<Dimension> sizeWith, int units, Dimension view, double readable, double min,
            double max) {
        Fit best = null;
        for (int perRow = Math.min(units, ChipLayout.MAX_UNITS_PER_ROW); perRow >= 1; perRow--) {
            Dimension content = sizeWith.apply(perRow);
            double z = of(content, view, readable, min, max);
            boolean fitsWidth = content.width * z <= view.width;
            if ((fitsWidth || perRow == 1) && (best == null || z > best.zoom() + 1e-9)) {
                best = new Fit(perRow, z);
            }
        }
        return best;
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
