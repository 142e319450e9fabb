package io.vgpio.ui.schematic;

import io.vgpio.core.StimulusScheduler;
import io.vgpio.ui.source.DataSource;

/**
 * The contents of the schematic viewer: the source it shows (the live device or a trace). It holds no device
 * state; the edit parts read the source, and drive the live device through the source's stimulus scheduler.
 */
public record SchematicDiagram(DataSource source) {
    /** The live device's stimulus scheduler, or null for a trace (read-only). */
    public StimulusScheduler stimulus() {
        return source.stimulus();
    }

    /** True if the diagram takes stimulus (the live device); false for a trace. */
    public boolean drivable() {
        return stimulus() != null;
    }
}
