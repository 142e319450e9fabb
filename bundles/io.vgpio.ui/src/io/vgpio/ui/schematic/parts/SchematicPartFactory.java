package io.vgpio.ui.schematic.parts;

import io.vgpio.ui.schematic.PinLine;
import io.vgpio.ui.schematic.SchematicDiagram;
import io.vgpio.ui.schematic.SchematicPart;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartFactory;

/** Chip for the diagram, one line part per line, one part per simulated part. */
public final class SchematicPartFactory implements EditPartFactory {
    @Override
    public EditPart createEditPart(EditPart context, Object model) {
        EditPart part;
        if (model instanceof SchematicDiagram) {
            part = new ChipEditPart();
        } else if (model instanceof PinLine) {
            part = new LineEditPart();
        } else if (model instanceof SchematicPart) {
            part = new PartEditPart();
        } else {
            return null;
        }
        part.setModel(model);
        return part;
    }
}
