package io.vgpio.decode.view;

import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.Decoder;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.OneWireDecoder;
import io.vgpio.decode.SpiDecoder;
import io.vgpio.decode.Signals;
import io.vgpio.decode.UartDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A decoder the user added to the waveform: its protocol, the lines that feed its channels (by name or number, as
 * {@code vgpio decode} takes them) and its options. It is written and read as the same words as the CLI's
 * ({@code i2c --scl SCL --sda SDA}), so the workbench state keeps it readable and a user can paste it into a
 * shell. {@link #check} turns it into a {@link Binding} on a device's lines, or says in one sentence what is wrong.
 *
 * @param protocol i2c, spi, uart or onewire
 * @param values option to value, e.g. {@code --scl -> SCL}; a flag's value is the empty string
 */
public record DecoderSpec(String protocol, Map<String, String> values) {
    /** The protocols, in the order the dialog offers them. */
    public static final List<String> PROTOCOLS = List.of("i2c", "spi", "uart", "onewire");

    public DecoderSpec {
        values = Map.copyOf(values);
    }

    /** The line options of a protocol, in its channel order (the decoder's channel numbers). */
    public static List<String> lineOptions(String protocol) {
        return switch (protocol) {
            case "i2c" -> List.of("--scl", "--sda");
            case "spi" -> List.of("--clk", "--mosi", "--miso", "--cs");
            case "uart" -> List.of("--rx", "--tx");
            case "onewire" -> List.of("--line");
            default -> throw new IllegalArgumentException("unknown protocol '" + protocol
                    + "'; protocols are i2c, spi, uart and onewire");
        };
    }

    /** How the UI names a protocol. */
    public static String title(String protocol) {
        return switch (protocol) {
            case "i2c" -> "I2C";
            case "spi" -> "SPI";
            case "uart" -> "UART";
            case "onewire" -> "1-Wire";
            default -> protocol;
        };
    }

    /** The lane's name: {@code I2C SCL/SDA}. */
    public String title() {
        StringBuilder b = new StringBuilder(title(protocol)).append(' ');
        String sep = "";
        for (String o : lineOptions(protocol)) {
            if (values.containsKey(o)) {
                b.append(sep).append(values.get(o));
                sep = "/";
            }
        }
        return b.toString();
    }

    /** The CLI's words: {@code i2c --scl SCL --sda SDA}, options in a stable order. */
    public String text() {
        StringBuilder b = new StringBuilder(protocol);
        values.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(this::order).thenComparing(java.util.Comparator.naturalOrder()))
                .forEach(o -> {
            b.append(' ').append(o);
            if (!values.get(o).isEmpty()) {
                b.append(' ').append(values.get(o));
            }
        });
        return b.toString();
    }

    private int order(String option) {
        int i = lineOptions(protocol).indexOf(option);
        return i >= 0 ? i : 100; // lines first, in channel order; then the options by name
    }

    /** Reads {@link #text()} back; words that start with -- are options, the word after one its value. */
    public static DecoderSpec parse(String text) {
        String[] words = text.strip().split("\\s+");
        String protocol = words[0].toLowerCase(Locale.ROOT);
        lineOptions(protocol); // throws for an unknown protocol
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            String o = words[i];
            if (!o.startsWith("--")) {
                throw new IllegalArgumentException("'" + o + "' is not an option");
            }
            boolean hasValue = i + 1 < words.length && !words[i + 1].startsWith("--");
            values.put(o, hasValue ? words[++i] : "");
        }
        return new DecoderSpec(protocol, values);
    }

    /**
     * What a spec means on a device's lines: the line of each decoder channel (-1 for one not given) and how to
     * make the decoder.
     */
    public record Binding(DecoderSpec spec, int[] channelLines, Factory factory) {
        /** A new decoder reporting to {@code listener}, with the levels its channels idle at. */
        public Decoder newDecoder(DecodeListener listener) {
            return factory.create(listener);
        }

        public int[] idleLevels() {
            return factory.idle();
        }
    }

    /** Makes the decoder of a checked spec. */
    public interface Factory {
        Decoder create(DecodeListener listener);

        int[] idle();
    }

    /**
     * Checks the spec against a device's line names (a line is named by its name, its number or lineN) and builds
     * its binding.
     *
     * @throws IllegalArgumentException with one sentence naming the mistake (the Add Decoder dialog shows it)
     */
    public Binding check(List<String> lineNames) {
        List<String> roles = lineOptions(protocol);
        int[] lines = new int[roles.size()];
        List<Integer> used = new ArrayList<>();
        for (int ch = 0; ch < roles.size(); ch++) {
            String v = values.get(roles.get(ch));
            lines[ch] = v == null || v.isEmpty() ? -1 : line(lineNames, roles.get(ch), v);
            if (lines[ch] >= 0) {
                if (used.contains(lines[ch])) {
                    throw new IllegalArgumentException(roles.get(ch).substring(2).toUpperCase(Locale.ROOT)
                            + " and another channel are both line " + v + "; give each channel its own line");
                }
                used.add(lines[ch]);
            }
        }
        return new Binding(this, lines, factory(lines));
    }

    private Factory factory(int[] lines) {
        switch (protocol) {
            case "i2c" -> {
                require(lines, 0, "SCL");
                require(lines, 1, "SDA");
                return factory(I2cDecoder::new, new int[] {1, 1});
            }
            case "spi" -> {
                require(lines, 0, "CLK");
                SpiDecoder.Options o = new SpiDecoder.Options(integer("--mode", 0), flag("--lsb-first"),
                        flag("--cs-active-high"), integer("--word-size", 8), lines[1] >= 0, lines[2] >= 0,
                        lines[3] >= 0);
                return factory(l -> new SpiDecoder(o, l), new SpiDecoder(o, a -> { }).idleLevels());
            }
            case "uart" -> {
                if (!values.containsKey("--baud")) {
                    throw new IllegalArgumentException("give the baud rate (live decoding cannot detect it)");
                }
                UartDecoder.Options o = new UartDecoder.Options(integer("--baud", 0), integer("--bits", 8),
                        parity(), stopBits(), flag("--invert"), lines[0] >= 0, lines[1] >= 0);
                return factory(l -> new UartDecoder(o, l), new UartDecoder(o, a -> { }).idleLevels());
            }
            default -> {
                require(lines, 0, "the 1-Wire line");
                boolean overdrive = flag("--overdrive");
                return factory(l -> new OneWireDecoder(overdrive, l), new int[] {1});
            }
        }
    }

    private static Factory factory(java.util.function.Function<DecodeListener, Decoder> make, int[] idle) {
        return new Factory() {
            @Override
            public Decoder create(DecodeListener listener) {
                return make.apply(listener);
            }

            @Override
            public int[] idle() {
                return idle.clone();
            }
        };
    }

    private static void require(int[] lines, int ch, String role) {
        if (lines[ch] < 0) {
            throw new IllegalArgumentException("choose the line for " + role);
        }
    }

    private static int line(List<String> names, String option, String spec) {
        int line = Signals.lineIndex(names, spec);
        if (line >= 0) {
            return line;
        }
        throw new IllegalArgumentException(option.substring(2).toUpperCase(Locale.ROOT) + ": the device has no line '"
                + spec + "' (lines 0 to " + (names.size() - 1) + ", or their names)");
    }

    private boolean flag(String option) {
        return values.containsKey(option);
    }

    private int integer(String option, int fallback) {
        String v = values.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option.substring(2) + " must be a whole number, not '" + v + "'");
        }
    }

    private UartDecoder.Parity parity() {
        String v = values.getOrDefault("--parity", "none");
        UartDecoder.Parity p = UartDecoder.Parity.named(v);
        if (p == null) {
            throw new IllegalArgumentException("parity must be none, even or odd, not '" + v + "'");
        }
        return p;
    }

    private double stopBits() {
        String v = values.getOrDefault("--stop", "1");
        double bits = UartDecoder.stopBitsNamed(v);
        if (Double.isNaN(bits)) {
            throw new IllegalArgumentException("stop bits must be 1, 1.5 or 2, not '" + v + "'");
        }
        return bits;
    }
}
