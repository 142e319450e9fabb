package io.vgpio.ui.schematic.figures;

import org.eclipse.draw2d.geometry.Rectangle;

/**
 * Horizontal coordinates measured from the side of a figure that faces the chip ("u"), so that the same drawing
 * code serves the pins on the right of the chip and, mirrored, those on its left.
 */
final class Mirror {
    private Mirror() {
    }

    /** The x of the point {@code u} pixels from the edge of {@code b} that faces the chip. */
    static int x(Rectangle b, boolean leftSide, int u) {
        return leftSide ? b.right() - u : b.x + u;
    }

    /** +1 when going away from the chip means going right on screen, -1 when it means going left. */
    static int outward(boolean leftSide) {
        return leftSide ? -1 : 1;
    }

    /** The left x of a text of {@code width} that starts {@code u} from the chip side, reading away from it. */
    static int textAt(Rectangle b, boolean leftSide, int u, int width) {
        return leftSide ? b.right() - u - width : b.x + u;
    }
}
