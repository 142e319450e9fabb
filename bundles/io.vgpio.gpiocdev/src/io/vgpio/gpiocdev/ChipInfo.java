package io.vgpio.gpiocdev;

import java.nio.file.Path;

/**
 * What GPIO_GET_CHIPINFO_IOCTL reports.
 *
 * @param path the character device opened
 * @param name the kernel's name, e.g. gpiochip1
 * @param label the driver's label, e.g. "gpio-sim.0-node0" or "ftdi-cbus"
 * @param lines number of lines
 */
public record ChipInfo(Path path, String name, String label, int lines) {
}
