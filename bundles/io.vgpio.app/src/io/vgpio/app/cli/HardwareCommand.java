package io.vgpio.app.cli;

import io.vgpio.gpiocdev.ChipInfo;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioChips;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.GpioListing;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vgpio gpiodetect} and {@code vgpio gpioinfo}: the machine's real GPIO chips (USB adapters, SoC banks,
 * gpio-sim) through the GPIO character device, printed as libgpiod's tools print them, without needing libgpiod.
 */
final class HardwareCommand {
    static final String DETECT_HELP = """
            usage: vgpio gpiodetect

            Lists the GPIO chips of this machine (/dev/gpiochip*), one per line, as gpiodetect does:
              gpiochip1 [gpio-sim.0-node0] (8 lines)
            A chip's label (in brackets) names it in a binding even when its number changes on replug.
            """;
    static final String INFO_HELP = """
            usage: vgpio gpioinfo [CHIP]...

            Lists the lines of the given chips (all chips when none is given) as gpioinfo does: offset,
            name, consumer (the holder of a used line), direction, active state and flags. CHIP is
            gpiochipN, /dev/gpiochipN, N or a chip label. Bind a line with 'vgpio serve --bind' or from
            the workbench's schematic (right-click a line, Bind to Hardware Line).
            """;

    private HardwareCommand() {
    }

    static int detect(List<String> argv, PrintStream out) throws UsageException {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.print(DETECT_HELP);
            return 0;
        }
        if (!argv.isEmpty()) {
            throw new UsageException("vgpio gpiodetect: takes no arguments, found '" + argv.get(0) + "'.");
        }
        List<Path> devices;
        try {
            devices = GpioChips.devices();
        } catch (GpioException e) {
            CliLogging.err().println("vgpio gpiodetect: " + e.getMessage());
            return 1;
        }
        int failed = 0;
        for (Path p : devices) {
            try (GpioChip c = GpioChip.open(p)) {
                ChipInfo info = c.info();
                out.println(GpioListing.detectLine(info));
            } catch (GpioException e) {
                CliLogging.err().println("vgpio gpiodetect: " + e.getMessage());
                failed++;
            }
        }
        if (devices.isEmpty()) {
            CliLogging.err().println("vgpio gpiodetect: no GPIO chips in /dev (no /dev/gpiochip*); plug in a GPIO"
                    + " adapter, or load gpio-sim to try without one");
        }
        return failed == 0 ? 0 : 1;
    }

    static int info(List<String> argv, PrintStream out) throws UsageException {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.print(INFO_HELP);
            return 0;
        }
        for (String a : argv) {
            if (a.startsWith("-")) {
                throw new UsageException("vgpio gpioinfo: unknown option '" + a + "'; give chip names only.");
            }
        }
        int failed = 0;
        try {
            if (argv.isEmpty()) {
                for (Path p : GpioChips.devices()) {
                    failed += print(() -> GpioChip.open(p), out);
                }
            } else {
                for (String chip : argv) {
                    failed += print(() -> GpioChips.open(chip), out);
                }
            }
        } catch (GpioException e) {
            CliLogging.err().println("vgpio gpioinfo: " + e.getMessage());
            return 1;
        }
        return failed == 0 ? 0 : 1;
    }

    private interface Opener {
        GpioChip open() throws GpioException;
    }

    private static int print(Opener opener, PrintStream out) {
        try (GpioChip c = opener.open()) {
            out.print(GpioListing.info(c));
            return 0;
        } catch (GpioException e) {
            CliLogging.err().println("vgpio gpioinfo: " + e.getMessage());
            return 1;
        }
    }
}
