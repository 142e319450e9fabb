package io.vgpio.fuzz;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.VcdReader;
import java.nio.file.Path;
import java.util.List;

/** The VCD reader on arbitrary bytes, for a device with named and unnamed lines. Clean rejection: {@link TraceFormatException}. */
public final class VcdReaderTarget {
    private static final Path NAME = Path.of("fuzz.vcd");
    private static final DeviceConfig CONFIG = config();

    private VcdReaderTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            VcdReader.Stimulus s = VcdReader.read(NAME, data, CONFIG);
            for (VcdReader.Change c : s.changes()) {
                if (c.line() < 0 || c.line() >= CONFIG.lines() || (c.level() & ~1) != 0) {
                    throw new AssertionError("change outside the device: " + c);
                }
            }
        } catch (TraceFormatException e) {
            // a clean rejection
        }
    }

    private static DeviceConfig config() {
        try {
            return DeviceConfig.parse(List.of("lines = 4", "names = LED,BUTTON,,Red LED"), "fuzz").build();
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
