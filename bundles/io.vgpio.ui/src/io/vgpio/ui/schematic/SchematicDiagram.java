package io.vgpio.ui.schematic;

import io.vgpio.core.parts.Parts;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.LiveSource;

/**
 * The contents of the schematic viewer: the source it shows (the live device or a trace). It holds no device
 * state; the edit parts read the source, and drive the live device through the source's stimulus scheduler.
 */
public record SchematicDiagram(DataSource source) {
    /** The live device's stimulus scheduler, or null for a trace (read-only). */
    public StimulusScheduler stimulus() {
        return source.stimulus();
    }

    /** The live device's simulated parts, or null for a trace (whose recorded levels already hold theirs). */
    public Parts parts() {
        return source instanceof LiveSource l ? l.session().parts() : null;
    }

    /** True if the diagram takes stimulus (the live device); false for a trace. */
    public boolean drivable() {
        return stimulus() != null;
    }
}
