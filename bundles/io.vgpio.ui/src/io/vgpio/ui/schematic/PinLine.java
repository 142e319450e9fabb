package io.vgpio.ui.schematic;

import io.vgpio.core.Chip;

/** The model of one line's edit part: which line of which diagram (no state of its own). */
public record PinLine(SchematicDiagram diagram, int line) {
    public Chip chip() {
        return diagram.host().chip();
    }
}
