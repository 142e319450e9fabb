package io.vgpio.ui.schematic;

import io.vgpio.core.LineState;

/** The model of one line's edit part: which line of which diagram (no state of its own). */
public record PinLine(SchematicDiagram diagram, int line) {
    /** The line's state as the diagram's source gives it (the live chip's, or a trace's at its scrub time). */
    public LineState state() {
        return diagram.source().state(line);
    }
}
