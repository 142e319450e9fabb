package io.vgpio.core.parts;

import io.vgpio.core.DeviceConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a part spec {@code TYPE key=value ...} into the settings of its type, checked against the lines. */
public final class PartSpecs {
    private PartSpecs() {
    }

    /** A spec whose relative {@code file=} is in the working directory (the control socket's {@code part add}). */
    public static PartSettings parse(String spec, DeviceConfig config) throws PartException {
        return parse(spec, config, null);
    }

    /** A spec whose relative {@code file=} is in {@code baseDir}: a configuration file's directory. */
    public static PartSettings parse(String spec, DeviceConfig config, Path baseDir) throws PartException {
        PartArgs a = PartArgs.parse(spec, config, baseDir);
        return switch (a.type()) {
            case LED -> Led.Settings.parse(a);
            case BUTTON -> Button.Settings.parse(a);
            case SWITCH -> ToggleSwitch.Settings.parse(a);
            case PULL_UP, PULL_DOWN -> Resistor.Settings.parse(a);
            case WIRE -> Wire.Settings.parse(a);
            case CLOCK -> ClockGenerator.Settings.parse(a);
            case ENCODER -> Encoder.Settings.parse(a);
            case LM75 -> Lm75Part.Settings.parse(a);
            case EEPROM_24C02 -> EepromPart.Settings.parse(a);
            case REGS -> RegsPart.Settings.parse(a);
        };
    }

    /** A part's name and spec, both checked: a {@code part.NAME = SPEC} line. */
    public static PartSettings named(String name, String spec, DeviceConfig config, Path baseDir)
            throws PartException {
        checkName(name);
        return parse(spec, config, baseDir);
    }

    /** Each part's {@link PartSettings#text()} by name: parts compare by what they say. */
    public static Map<String, String> texts(Map<String, PartSettings> parts) {
        Map<String, String> t = new LinkedHashMap<>();
        parts.forEach((n, p) -> t.put(n, p.text()));
        return t;
    }

    /** A part name: letters, digits, '_' and '-', starting with a letter; at most 32 characters. */
    public static void checkName(String name) throws PartException {
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,31}")) {
            throw new PartException("part name '" + name
                    + "' must start with a letter and hold only letters, digits, '_' and '-' (at most 32)");
        }
    }
}
