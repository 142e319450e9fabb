package io.vgpio.app.cli;

import io.vgpio.decode.UartDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parsed arguments of {@code vgpio decode}: the protocol, its options (only those that protocol takes), the
 * output format and the input file. Every mistake is one {@link UsageException} naming it.
 */
record DecodeOptions(String protocol, Map<String, String> values, boolean summary, String input) {
    private static final String FLAG = "";
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "i2c", Set.of("--scl", "--sda"),
            "spi", Set.of("--clk", "--mosi", "--miso", "--cs", "--mode", "--lsb-first", "--cs-active-high",
                    "--word-size"),
            "uart", Set.of("--rx", "--tx", "--baud", "--bits", "--parity", "--stop", "--invert"),
            "onewire", Set.of("--line", "--overdrive"));
    private static final Set<String> FLAGS = Set.of("--lsb-first", "--cs-active-high", "--invert", "--overdrive");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "i2c", List.of("--scl", "--sda"), "spi", List.of("--clk"), "uart", List.of(),
            "onewire", List.of("--line"));

    static DecodeOptions parse(List<String> argv) throws UsageException {
        String protocol = argv.get(0).toLowerCase(Locale.ROOT);
        if (protocol.equals("onewire_link") || protocol.equals("1-wire") || protocol.equals("1wire")) {
            protocol = "onewire";
        }
        Set<String> allowed = OPTIONS.get(protocol);
        if (allowed == null) {
            throw new UsageException("vgpio decode: unknown protocol '" + argv.get(0)
                    + "'; protocols are i2c, spi, uart and onewire (or onewire_link).");
        }
        Args a = new Args("decode", argv.subList(1, argv.size()));
        Map<String, String> values = new HashMap<>();
        String format = "annotations";
        String input = null;
        while (a.hasNext()) {
            String o = a.next();
            if (o.equals("--format")) {
                format = a.value(o);
            } else if (o.equals("--vcd")) {
                values.put(o, a.value(o));
            } else if (allowed.contains(o)) {
                values.put(o, FLAGS.contains(o) ? FLAG : a.value(o));
            } else if (o.startsWith("-") && o.length() > 1) {
                throw new UsageException("vgpio decode " + protocol + ": unknown option '" + o + "'; " + protocol
                        + " takes " + String.join(" ", allowed.stream().sorted().toList()) + ", --format and --vcd.");
            } else if (input == null) {
                input = o;
            } else {
                throw new UsageException("vgpio decode: give one input file, not '" + input + "' and '" + o + "'.");
            }
        }
        if (!format.equals("annotations") && !format.equals("summary")) {
            throw new UsageException("vgpio decode: --format must be annotations or summary, not '" + format + "'.");
        }
        for (String r : REQUIRED.get(protocol)) {
            if (!values.containsKey(r)) {
                throw new UsageException("vgpio decode " + protocol + ": " + r + " LINE is missing; see"
                        + " 'vgpio decode --help'.");
            }
        }
        if (protocol.equals("spi") && !values.containsKey("--mosi") && !values.containsKey("--miso")) {
            throw new UsageException("vgpio decode spi: give --mosi LINE or --miso LINE (or both).");
        }
        if (protocol.equals("uart") && !values.containsKey("--rx") && !values.containsKey("--tx")) {
            throw new UsageException("vgpio decode uart: --rx LINE is missing (or give --tx LINE).");
        }
        if (input == null) {
            throw new UsageException("vgpio decode: the input file (a trace or a VCD) is missing.");
        }
        return new DecodeOptions(protocol, values, format.equals("summary"), input);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    boolean flag(String option) {
        return values.containsKey(option);
    }

    String value(String option) {
        return values.get(option);
    }

    int integer(String option, int fallback) throws UsageException {
        String v = values.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("vgpio decode: " + option + " must be a whole number, not '" + v + "'.");
        }
    }

    UartDecoder.Parity parity() throws UsageException {
        String v = values.getOrDefault("--parity", "none");
        UartDecoder.Parity p = UartDecoder.Parity.named(v);
        if (p == null) {
            throw new UsageException("vgpio decode: --parity must be none, even or odd, not '" + v + "'.");
        }
        return p;
    }

    double stopBits() throws UsageException {
        String v = values.getOrDefault("--stop", "1");
        double bits = UartDecoder.stopBitsNamed(v);
        if (Double.isNaN(bits)) {
            throw new UsageException("vgpio decode: --stop must be 1, 1.5 or 2, not '" + v + "'.");
        }
        return bits;
    }
}
