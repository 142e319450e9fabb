package io.vgpio.gpiocdev;

import io.vgpio.linux.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finding GPIO chips the way libgpiod does: listing {@code /dev/gpiochip*}, and looking one up by a selector. */
public final class GpioChips {
    /** Where the character devices live; a system property lets tests point elsewhere. */
    static final Path DEV = Path.of(System.getProperty("vgpio.gpio.dev", "/dev"));

    private GpioChips() {
    }

    /** The GPIO chip devices in {@code /dev}, sorted by name as gpiodetect sorts them (gpiochip10 before gpiochip2). */
    public static List<Path> devices() throws GpioException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(DEV)) {
            s.filter(p -> p.getFileName().toString().startsWith("gpiochip")).sorted().forEach(all::add);
        } catch (IOException e) {
            throw new GpioException("cannot list " + DEV + ": " + e.getMessage());
        }
        return all;
    }

    /** The info of every chip that opens; chips that do not are left out (see {@link #devices()} for all). */
    public static List<ChipInfo> list() throws GpioException {
        List<ChipInfo> chips = new ArrayList<>();
        for (Path p : devices()) {
            try (GpioChip c = GpioChip.open(p)) {
                chips.add(c.info());
            } catch (GpioException e) {
                // not a GPIO chip, or not readable by this user: gpiodetect would fail, we list the others
            }
        }
        return chips;
    }

    /**
     * Opens a chip by the selectors libgpiod accepts: a number (gpiochipN), a label, a name (gpiochip1) or a path
     * (/dev/gpiochip1), tried in that order.
     */
    public static GpioChip open(String selector) throws GpioException {
        if (selector.isEmpty()) {
            throw new GpioException("no chip given; name one as gpiochipN, a path, a number or a label");
        }
        if (isNumber(selector)) {
            return GpioChip.open(DEV.resolve("gpiochip" + selector));
        }
        GpioChip byLabel = openByLabel(selector);
        if (byLabel != null) {
            return byLabel;
        }
        if (selector.startsWith("/")) {
            return GpioChip.open(Path.of(selector));
        }
        if (selector.contains("/")) {
            throw new GpioException("'" + selector + "' is not a chip name; give gpiochipN, /dev/gpiochipN, a number"
                    + " or a chip label", Errno.EINVAL);
        }
        Path p = DEV.resolve(selector);
        if (!Files.exists(p)) {
            throw new GpioException("no GPIO chip '" + selector + "' (no " + p + " and no chip with that label);"
                    + " 'vgpio gpiodetect' lists the chips", Errno.ENOENT);
        }
        return GpioChip.open(p);
    }

    private static GpioChip openByLabel(String label) throws GpioException {
        for (Path p : devices()) {
            GpioChip c;
            try {
                c = GpioChip.open(p);
            } catch (GpioException e) {
                continue;
            }
            if (c.info().label().equals(label)) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** One to nine ASCII digits: a chip number or a line offset rather than a name. */
    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The offset of a line given as an offset or a name on an open chip. */
    public static int offset(GpioChip chip, String line) throws GpioException {
        if (isNumber(line)) {
            int o = Integer.parseInt(line);
            if (o >= chip.info().lines()) {
                throw new GpioException(chip.info().name() + " has no line " + o + "; its lines are 0.."
                        + (chip.info().lines() - 1), Errno.EINVAL);
            }
            return o;
        }
        int o = chip.findLine(line);
        if (o < 0) {
            throw new GpioException(chip.info().name() + " [" + chip.info().label() + "] has no line named '" + line
                    + "'; 'vgpio gpioinfo " + chip.info().name() + "' lists its lines", Errno.ENOENT);
        }
        return o;
    }
}
