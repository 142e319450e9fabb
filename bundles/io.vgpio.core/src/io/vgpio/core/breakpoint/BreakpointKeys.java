package io.vgpio.core.breakpoint;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import java.util.Map;

/**
 * The configuration file's {@code break.N = SPEC} keys: what {@link DeviceConfig} asks of the breakpoint grammar.
 * Every error names the file's line (or the configuration's origin) and the key, as the file's other errors do.
 */
public final class BreakpointKeys {
    private BreakpointKeys() {
    }

    /** N of a {@code break.N} key. */
    public static int number(String key, String where) throws ConfigException {
        String num = key.substring("break.".length());
        if (num.isEmpty() || num.length() > 9 || !num.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ConfigException(where + ": '" + key
                    + "' should be break.N with N a number, e.g. break.1 = on=request type=set-value line=3.");
        }
        return Integer.parseInt(num);
    }

    /** The spec of a {@code break.N} key. */
    public static BreakpointSpec spec(String key, String value, String where) throws ConfigException {
        try {
            return BreakpointSpec.parse(value);
        } catch (BreakpointSpecException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage() + ".");
        }
    }

    /** Every breakpoint's line is one of the configured device's. */
    public static void checkLines(DeviceConfig config, String origin) throws ConfigException {
        for (Map.Entry<Integer, BreakpointSpec> e : config.breakpoints().entrySet()) {
            try {
                e.getValue().resolveLine(config);
            } catch (BreakpointSpecException bad) {
                throw new ConfigException(origin + ": break." + e.getKey() + ": " + bad.getMessage() + ".");
            }
        }
    }
}
