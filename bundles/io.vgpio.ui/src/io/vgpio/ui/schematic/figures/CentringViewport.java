package io.vgpio.ui.schematic.figures;

import org.eclipse.draw2d.FreeformFigure;
import org.eclipse.draw2d.FreeformViewport;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * A freeform viewport that centres its contents along each axis where they are smaller than the visible area
 * (draw2d's own pins them to the top left). It widens the scrollable range by the same slack on both sides of
 * the drawing, which leaves exactly one scroll position: the centred one. Where the drawing is bigger, it
 * scrolls as before.
 */
public final class CentringViewport extends FreeformViewport {
    @Override
    protected void readjustScrollBars() {
        IFigure contents = getContents();
        if (!(contents instanceof FreeformFigure ff)) {
            return;
        }
        Rectangle client = getClientArea();
        Rectangle bounds = ff.getFreeformExtent().getCopy().union(0, 0);
        if (bounds.width < client.width) {
            bounds.x -= (client.width - bounds.width) / 2;
            bounds.width = client.width;
        }
        if (bounds.height < client.height) {
            bounds.y -= (client.height - bounds.height) / 2;
            bounds.height = client.height;
        }
        ff.setFreeformBounds(bounds);
        getVerticalRangeModel().setAll(bounds.y, client.height, bounds.bottom());
        getHorizontalRangeModel().setAll(bounds.x, client.width, bounds.right());
    }
}
