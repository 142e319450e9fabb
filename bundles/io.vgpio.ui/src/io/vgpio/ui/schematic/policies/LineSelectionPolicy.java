package io.vgpio.ui.schematic.policies;

import io.vgpio.ui.schematic.figures.LineFigure;
import org.eclipse.gef.editpolicies.SelectionEditPolicy;

/** Selection feedback for a line: its row is highlighted (no handles: a line cannot be moved or resized). */
public final class LineSelectionPolicy extends SelectionEditPolicy {
    @Override
    protected void showSelection() {
        ((LineFigure) getHostFigure()).setSelected(true);
    }

    @Override
    protected void hideSelection() {
        ((LineFigure) getHostFigure()).setSelected(false);
    }
}
