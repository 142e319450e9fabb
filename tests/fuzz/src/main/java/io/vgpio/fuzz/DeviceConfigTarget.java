package io.vgpio.fuzz;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The configuration-file parser on arbitrary text. Clean rejection: {@link ConfigException}. A configuration it
 * accepts must read back equal from its own {@link DeviceConfig#format()}, as that method promises.
 */
public final class DeviceConfigTarget {
    private DeviceConfigTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        // DeviceConfig.load reads lines as Files.readAllLines does: \n, \r and \r\n end a line.
        List<String> text = new String(data, StandardCharsets.UTF_8).lines().toList();
        DeviceConfig config;
        try {
            config = DeviceConfig.parse(text, "fuzz.conf").build();
        } catch (ConfigException e) {
            return; // a clean rejection
        }
        config.namesBlob();
        DeviceConfig again;
        try {
            again = DeviceConfig.parse(config.format().lines().toList(), "formatted").build();
        } catch (ConfigException e) {
            throw new AssertionError("format() wrote a configuration that does not read back: " + e.getMessage(), e);
        }
        if (!again.equals(config)) {
            throw new AssertionError("format() does not read back equal:\n" + config.format() + "---\n" + again.format());
        }
    }
}
