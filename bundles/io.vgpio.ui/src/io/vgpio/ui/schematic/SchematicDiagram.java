package io.vgpio.ui.schematic;

import io.vgpio.core.StimulusScheduler;
import io.vgpio.vhost.DeviceHost;

/**
 * The contents of the schematic viewer: the device it shows and the stimulus scheduler the view made for it. It
 * holds no device state; the edit parts read the chip.
 */
public record SchematicDiagram(DeviceHost host, StimulusScheduler stimulus) {
}
