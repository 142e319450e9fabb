package io.vgpio.ui.handlers;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.Parts;

/**
 * A configuration with the parts a running device has now ({@code part.NAME = TYPE key=value ...}), in place of
 * those it was started with: parts added or deleted from the schematic or the control socket are saved as they
 * are, and come back when the file is opened.
 */
public final class PartsInConfig {
    private PartsInConfig() {
    }

    public static DeviceConfig with(DeviceConfig base, Parts parts) throws ConfigException {
        DeviceConfig.Builder b = base.toBuilder().clearParts();
        for (Part p : parts.list()) {
            b.part(p.name(), p.type().word() + " " + p.describe());
        }
        return b.build();
    }
}
