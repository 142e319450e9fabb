package io.vgpio.ui.schematic.policies;

import io.vgpio.ui.schematic.figures.PartFigure;
import org.eclipse.gef.editpolicies.SelectionEditPolicy;

/** Selection feedback for a simulated part: an outline (no handles: parts stand where the layout puts them). */
public final class PartSelectionPolicy extends SelectionEditPolicy {
    @Override
    protected void showSelection() {
        ((PartFigure) getHostFigure()).setSelected(true);
    }

    @Override
    protected void hideSelection() {
        ((PartFigure) getHostFigure()).setSelected(false);
    }
}
