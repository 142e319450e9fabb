package io.vgpio.core;

import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.PartSettings;
import io.vgpio.core.parts.PartSpecs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code part.NAME} keys of a configuration as written, in their order, checked against the lines once the
 * whole configuration is known. Kept apart from {@link DeviceConfig.Builder} so that it stays about lines.
 */
final class ConfigParts {
    private record Written(String spec, String where) {
    }

    private final Map<String, Written> written = new LinkedHashMap<>();
    /** Where a relative {@code file=} is: the configuration file's directory (null: the working directory). */
    private Path dir;

    void dir(Path dir) {
        this.dir = dir;
    }

    /** Sets {@code part.name} (replacing one given before). */
    void put(String name, String spec, String where) {
        written.put(name, new Written(spec, where));
    }

    /** Each part's settings; the first bad one is an error naming its line, key and fix. */
    Map<String, PartSettings> check(DeviceConfig lines) throws ConfigException {
        Map<String, PartSettings> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Written> p : written.entrySet()) {
            try {
                settings.put(p.getKey(), PartSpecs.named(p.getKey(), p.getValue().spec(), lines, dir));
            } catch (PartException e) {
                throw new ConfigException(p.getValue().where() + ": part." + p.getKey() + ": " + e.getMessage() + ".");
            }
        }
        return settings;
    }
}
