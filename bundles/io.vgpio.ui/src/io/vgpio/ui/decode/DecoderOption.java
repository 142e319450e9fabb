package io.vgpio.ui.decode;

import java.util.List;

/**
 * One field of the Add Decoder dialog: a line (chosen from the device's lines), a choice, a number typed in, or a
 * flag. The option is the {@code vgpio decode} option it sets, so the dialog's result is the CLI's words.
 *
 * @param choices a choice's values (the first is the default); a line's are the device's lines
 * @param fallback a text field's default value
 */
record DecoderOption(String option, String label, Kind kind, boolean required, List<String> choices,
        String fallback) {
    enum Kind { LINE, CHOICE, TEXT, FLAG }

    static DecoderOption line(String option, String label, boolean required) {
        return new DecoderOption(option, label, Kind.LINE, required, List.of(), "");
    }

    static DecoderOption choice(String option, String label, String... values) {
        return new DecoderOption(option, label, Kind.CHOICE, true, List.of(values), values[0]);
    }

    static DecoderOption text(String option, String label, String fallback) {
        return new DecoderOption(option, label, Kind.TEXT, true, List.of(), fallback);
    }

    static DecoderOption flag(String option, String label) {
        return new DecoderOption(option, label, Kind.FLAG, false, List.of(), "");
    }

    /** The fields of a protocol, lines first (in the decoder's channel order). */
    static List<DecoderOption> of(String protocol) {
        return switch (protocol) {
            case "i2c" -> List.of(line("--scl", "SCL (clock)", true), line("--sda", "SDA (data)", true));
            case "spi" -> List.of(line("--clk", "CLK", true), line("--mosi", "MOSI", false),
                    line("--miso", "MISO", false), line("--cs", "CS", false),
                    choice("--mode", "Mode", "0", "1", "2", "3"), text("--word-size", "Word size (bits)", "8"),
                    flag("--lsb-first", "LSB first"), flag("--cs-active-high", "CS active high"));
            case "uart" -> List.of(line("--rx", "RX", false), line("--tx", "TX", false),
                    text("--baud", "Baud rate", "115200"), choice("--bits", "Data bits", "8", "5", "6", "7", "9"),
                    choice("--parity", "Parity", "none", "even", "odd"), choice("--stop", "Stop bits", "1", "1.5",
                            "2"), flag("--invert", "Inverted (idles low)"));
            default -> List.of(line("--line", "Line", true), flag("--overdrive", "Overdrive speed from the start"));
        };
    }
}
