package io.vgpio.ui.schematic;

import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.ui.source.DataSource;
import io.vgpio.vhost.DeviceHost;

/**
 * The contents of the schematic viewer: the source it shows (the live device or a trace) and, for the live device,
 * the device's stimulus scheduler (null for a trace, which is read-only). It holds no device state;
 * the edit parts read the source.
 */
public record SchematicDiagram(DataSource source, StimulusScheduler stimulus) {
    /** The live device shown, or null for a trace. */
    public DeviceHost host() {
        return source.host();
    }

    /** True if the diagram takes stimulus (the live device); false for a trace. */
    public boolean drivable() {
        return stimulus != null;
    }
}
