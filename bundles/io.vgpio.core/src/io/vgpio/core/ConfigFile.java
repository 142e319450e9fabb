package io.vgpio.core;

import io.vgpio.core.breakpoint.BreakpointKeys;
import java.util.List;

/**
 * The configuration file's grammar: {@code key = value} lines and {@code #} comments into a
 * {@link DeviceConfig.Builder}. Each error names the file and line, and the fix.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /** Parses configuration text into a builder (so command-line options can still override it). */
    static DeviceConfig.Builder parse(List<String> text, String fileName) throws ConfigException {
        DeviceConfig.Builder b = DeviceConfig.builder();
        for (int i = 0; i < text.size(); i++) {
            String where = fileName + ":" + (i + 1);
            String raw = text.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(where + ": expected 'key = value' but found '" + line
                        + "'; keys are lines, irq, names, name.N, bind.N, fault.N, break.N and part.NAME.");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            b.origin(where);
            switch (key) {
                case "lines" -> {
                    int n;
                    try {
                        n = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new ConfigException(where + ": lines must be a whole number from 1 to "
                                + Protocol.MAX_LINES + ", found '" + value + "'.");
                    }
                    b.lines(n);
                }
                case "irq" -> b.irq(parseBoolean(value, where, "irq"));
                case "names" -> b.namesList(value);
                default -> {
                    if (key.startsWith("name.")) {
                        String num = key.substring(5);
                        if (!DeviceConfig.isNumber(num)) {
                            throw new ConfigException(where + ": '" + key
                                    + "' should be name.N with N a line number, e.g. name.3 = BUTTON.");
                        }
                        int line2;
                        try {
                            line2 = Integer.parseInt(num);
                        } catch (NumberFormatException e) {
                            line2 = Integer.MAX_VALUE;
                        }
                        b.name(line2, value);
                    } else if (key.startsWith("bind.")) {
                        String num = key.substring(5);
                        if (!DeviceConfig.isNumber(num) || num.length() > 5) {
                            throw new ConfigException(where + ": '" + key
                                    + "' should be bind.N with N a line number, e.g. bind.3 = in gpiochip1:5.");
                        }
                        int line3 = Integer.parseInt(num);
                        b.bind(line3, LineBinding.parse(line3, value, where));
                    } else if (key.startsWith("fault.")) {
                        String num = key.substring(6);
                        if (!DeviceConfig.isNumber(num) || num.length() > 9) {
                            throw new ConfigException(where + ": '" + key
                                    + "' should be fault.N with N a number, e.g. fault.1 = on=line line=2 effect=drop-irq.");
                        }
                        b.fault(Integer.parseInt(num), value);
                    } else if (key.startsWith("break.")) {
                        b.breakpoint(BreakpointKeys.number(key, where), BreakpointKeys.spec(key, value, where));
                    } else if (key.startsWith("part.")) {
                        b.part(key.substring(5), value); // checked with the lines, once all keys are read
                    } else {
                        throw new ConfigException(where + ": unknown key '" + key
                                + "'; known keys are lines, irq, names, name.N, bind.N, fault.N, break.N and part.NAME.");
                    }
                }
            }
        }
        b.origin(fileName);
        return b;
    }

    static boolean parseBoolean(String value, String where, String key) throws ConfigException {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new ConfigException(where + ": " + key + " must be on or off, found '" + value + "'.");
        };
    }
}
