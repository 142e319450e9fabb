package io.vgpio.gpiocdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import io.vgpio.core.LineBinding.Bias;
import io.vgpio.core.LineBinding.Drive;
import io.vgpio.gpiocdev.internal.Uapi;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uAPI layer without a GPIO chip: errors on things that are not chips, structure layout, listing format. */
class GpiocdevTest {

    @Test
    @DisplayName("Opening a device that is not a GPIO chip says so (ENOTTY from the chip-info ioctl)")
    void not_a_chip() {
        GpioException e = assertThrows(GpioException.class, () -> GpioChip.open(Path.of("/dev/null")));
        assertEquals("/dev/null is not a GPIO character device", e.getMessage());
        assertEquals(25, e.errno());
    }

    @Test
    @DisplayName("A missing chip is 'gone', with the fix in the message")
    void missing_chip(@TempDir Path dir) {
        // A path in an empty directory: missing on every machine, whatever chips /dev has.
        Path missing = dir.resolve("gpiochip0");
        GpioException e = assertThrows(GpioException.class, () -> GpioChip.open(missing));
        assertTrue(e.isGone());
        assertTrue(e.getMessage().startsWith("no GPIO chip " + missing + " (No such file or directory); is the board"
                + " plugged in?"), e.getMessage());
        GpioException byName = assertThrows(GpioException.class, () -> GpioChips.open("my-board"));
        assertEquals("no GPIO chip 'my-board' (no /dev/my-board and no chip with that label); 'vgpio gpiodetect'"
                + " lists the chips", byName.getMessage());
        assertTrue(byName.isGone());
        GpioException path = assertThrows(GpioException.class, () -> GpioChips.open("../etc/passwd"));
        assertTrue(path.getMessage().contains("is not a chip name"), path.getMessage());
    }

    @Test
    @DisplayName("Line settings become the uAPI v2 flags libgpiod would set")
    void flags() {
        assertEquals(Uapi.FLAG_INPUT | Uapi.FLAG_EDGE_RISING | Uapi.FLAG_EDGE_FALLING | Uapi.FLAG_BIAS_PULL_UP
                | Uapi.FLAG_ACTIVE_LOW, LineSettings.input(Bias.PULL_UP, true, 0).flags());
        assertEquals(Uapi.FLAG_INPUT, LineSettings.plainInput().flags());
        assertEquals(Uapi.FLAG_OUTPUT | Uapi.FLAG_OPEN_DRAIN | Uapi.FLAG_BIAS_DISABLED,
                LineSettings.output(Drive.OPEN_DRAIN, Bias.DISABLED, false, 1).flags());
    }

    @Test
    @DisplayName("struct gpio_v2_line_config: flags, attribute count, output value and debounce attributes at the header's offsets")
    void config_layout() {
        try (Memory m = new Memory(Uapi.CONFIG_SIZE)) {
            m.clear();
            LineRequest.writeConfig(m, 0, LineSettings.input(Bias.AS_IS, false, 5000));
            assertEquals(Uapi.FLAG_INPUT | Uapi.FLAG_EDGE_RISING | Uapi.FLAG_EDGE_FALLING, m.getLong(0));
            assertEquals(1, m.getInt(Uapi.CONFIG_NUM_ATTRS));
            assertEquals(Uapi.ATTR_DEBOUNCE, m.getInt(Uapi.CONFIG_ATTRS));
            assertEquals(5000, m.getInt(Uapi.CONFIG_ATTRS + 8));
            assertEquals(1, m.getLong(Uapi.CONFIG_ATTRS + 16), "the attribute applies to the request's line 0");

            m.clear();
            LineRequest.writeConfig(m, 0, LineSettings.output(Drive.PUSH_PULL, Bias.AS_IS, false, 1));
            assertEquals(1, m.getInt(Uapi.CONFIG_NUM_ATTRS));
            assertEquals(Uapi.ATTR_OUTPUT_VALUES, m.getInt(Uapi.CONFIG_ATTRS));
            assertEquals(1, m.getLong(Uapi.CONFIG_ATTRS + 8));
        }
    }

    @Test
    @DisplayName("gpioinfo's layout: right-aligned columns, 'kernel' for a nameless user, flags in libgpiod's order, overflow")
    void listing() {
        assertEquals("\tline   0:      unnamed       unused   input  active-high ",
                GpioListing.infoLine(new LineInfo(0, "", "", Uapi.FLAG_INPUT, 0)));
        assertEquals("\tline  12:       \"LED0\"       kernel  output   active-low [used open-drain pull-down]",
                GpioListing.infoLine(new LineInfo(12, "LED0", "", Uapi.FLAG_USED | Uapi.FLAG_OUTPUT
                        | Uapi.FLAG_ACTIVE_LOW | Uapi.FLAG_OPEN_DRAIN | Uapi.FLAG_BIAS_PULL_DOWN, 0)));
        // A name longer than its column pushes the rest of the line right, unpadded, as gpioinfo does.
        assertEquals("\tline   3: \"a-rather-long-name\" \"vgpio:2\" input active-high [used]",
                GpioListing.infoLine(new LineInfo(3, "a-rather-long-name", "vgpio:2",
                        Uapi.FLAG_USED | Uapi.FLAG_INPUT | Uapi.FLAG_EDGE_RISING | Uapi.FLAG_EDGE_FALLING, 0)));
        assertEquals("gpiochip1 [gpio-sim.0-node0] (8 lines)",
                GpioListing.detectLine(new ChipInfo(Path.of("/dev/gpiochip1"), "gpiochip1", "gpio-sim.0-node0", 8)));
    }
}
