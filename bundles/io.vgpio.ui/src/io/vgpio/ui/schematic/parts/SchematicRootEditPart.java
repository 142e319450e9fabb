package io.vgpio.ui.schematic.parts;

import io.vgpio.ui.schematic.figures.CentringViewport;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Viewport;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;

/**
 * The schematic's root: zoom and scroll bars as GEF's scalable freeform root gives them, in a viewport that
 * centres the chip when it is smaller than the view (after Fit, or zoomed out) instead of pinning it to the top
 * left corner.
 */
public final class SchematicRootEditPart extends ScalableFreeformRootEditPart {
    /** GEF builds its viewport and the layers in it here (called from the super constructor); swap the viewport. */
    @Override
    protected IFigure createFigure() {
        Viewport plain = (Viewport) super.createFigure();
        IFigure layers = plain.getContents();
        plain.setContents(null);
        CentringViewport centring = new CentringViewport();
        centring.setContents(layers);
        return centring;
    }
}
