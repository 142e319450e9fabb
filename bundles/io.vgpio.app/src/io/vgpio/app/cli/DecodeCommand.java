package io.vgpio.app.cli;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.AnnotationVcd;
import io.vgpio.decode.BaudDetector;
import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.Decoder;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.OneWireDecoder;
import io.vgpio.decode.SignalFiles;
import io.vgpio.decode.Signals;
import io.vgpio.decode.SpiDecoder;
import io.vgpio.decode.Transaction;
import io.vgpio.decode.UartDecoder;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.VcdWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code vgpio decode PROTOCOL [options] INPUT}: I2C, SPI, UART or 1-Wire decoded from a trace or a VCD. */
final class DecodeCommand {
    static final String HELP = """
            usage: vgpio decode PROTOCOL [options] INPUT

            Decodes a bus from a recorded trace (vgpio serve --record) or a VCD (any logic analyser, GTKWave,
            Wokwi, vgpio trace vcd). Lines are named by their name in the trace's configuration or the VCD's
            variable name, or by number (the trace's line number; the VCD's 1-bit variables counted from 0 in
            the order declared), or as lineN.

            protocols and their options:
              i2c        --scl LINE --sda LINE
              spi        --clk LINE [--mosi LINE] [--miso LINE] [--cs LINE] [--mode 0-3] [--lsb-first]
                         [--cs-active-high] [--word-size N]      (MOSI or MISO needed; CS active low by
                                                                 default; mode 0; 8-bit words, 1 to 32)
              uart       --rx LINE [--tx LINE] [--baud N] [--bits 5-9] [--parity none|even|odd]
                         [--stop 1|1.5|2] [--invert]              (--tx alone works too; 8N1 by default;
                                                                 without --baud the rate is detected from
                                                                 the shortest pulse and said on stderr)
              onewire    --line LINE [--overdrive]                (also called onewire_link, sigrok's name;
                                                                 --overdrive: at overdrive speed from the start)

              --format annotations|summary   one annotation per line (default), or one transaction per line
              --vcd OUT.vcd    also write the trace (a vGPIO trace as INPUT) as a VCD with the annotations as a
                               string variable in scope 'decoders' (GTKWave shows it beside the wires); the
                               output above is unchanged, the file written is said on stderr

            Output (annotations): START_NS END_NS KIND [VALUE], times in ns from the start of the input, VALUE
            in lower-case hex (two digits, more for wider words), in the order sigrok's decoders find them:
              i2c      start repeat-start stop ack nack, address-read/address-write (the 7-bit address),
                       data-read data-write
              spi      miso-data mosi-data (one line per word and direction)
              uart     rx-data tx-data (one line per frame), frame-error parity-error break
              onewire  reset, presence (01 a device answered, 00 none), bit (00/01), byte (bits after a reset,
                       least significant first)
            Output (summary): START_NS END_NS SUMMARY, e.g. 'write 0x48 [00]; read 0x48 [17 80]' (I2C, START to
            STOP; a 10-bit address as 'write 0x2a5 (10-bit) [...]', which the annotations show as sigrok does:
            the first address byte as address-write 78-7b and the second as data), 'mosi [9f] miso [ef]' (SPI,
            CS asserted to released), 'rx [48 69] "Hi"' (UART, one burst), 'reset, presence [cc 44]' (1-Wire).
            A transaction the input cuts off ends in '(cut off)'.

            The decoders follow sigrok's (i2c, spi, uart, onewire_link) and report the same kinds and values on
            the same input; like sigrok, a VCD ends at its last timestamp (a change there is not decoded), and
            UART checks the first stop bit only. Errors (unknown protocol or line, missing option, unreadable
            input) are one message on stderr and exit code 2.
            """;

    private DecodeCommand() {
    }

    static int run(List<String> argv, PrintStream out) throws UsageException {
        if (argv.isEmpty() || argv.contains("--help") || argv.contains("-h")) {
            out.print(HELP);
            return argv.isEmpty() ? 2 : 0;
        }
        DecodeOptions options = DecodeOptions.parse(argv);
        Signals signals = read(options.input());
        if (options.has("--vcd")) {
            requireTrace(options); // before anything is printed: a mistake is one message
        }
        PrintWriter w = new PrintWriter(out, false);
        DecodeListener printer = options.summary() ? new DecodeListener() {
            @Override
            public void annotation(Annotation a) {
            }

            @Override
            public void transaction(Transaction t) {
                w.println(t.format());
            }
        } : a -> w.println(a.format());
        List<Annotation> kept = new ArrayList<>();
        decode(options, signals, !options.has("--vcd") ? printer : new DecodeListener() {
            @Override
            public void annotation(Annotation a) {
                kept.add(a);
                printer.annotation(a);
            }

            @Override
            public void transaction(Transaction t) {
                printer.transaction(t);
            }
        });
        w.flush();
        if (options.has("--vcd")) {
            writeVcd(options, kept);
        }
        return 0;
    }

    private static void requireTrace(DecodeOptions o) throws UsageException {
        try {
            if (!SignalFiles.isTrace(Path.of(o.input()))) {
                throw new UsageException("vgpio decode: --vcd needs a vGPIO trace as INPUT (" + o.input()
                        + " is a VCD already).");
            }
        } catch (IOException e) {
            throw new UsageException("vgpio decode: cannot read " + o.input() + ": " + e.getMessage());
        }
    }

    /** The input trace as a VCD with the annotations as a string variable named after the protocol. */
    private static void writeVcd(DecodeOptions o, List<Annotation> annotations) throws UsageException {
        Path in = Path.of(o.input());
        String out = o.value("--vcd");
        try {
            TraceReader.Trace t = TraceReader.read(in);
            long n = VcdWriter.write(t.log(), t.config(), 0, t.wallClockStartMicros(), Path.of(out),
                    AnnotationVcd.strings(o.protocol(), annotations, 0));
            System.err.println("vgpio decode: wrote " + out + " (" + n + " value changes)");
        } catch (IOException | RuntimeException e) {
            throw new UsageException("vgpio decode: cannot write " + out + ": " + e.getMessage());
        }
    }

    private static Signals read(String input) throws UsageException {
        Path p = Path.of(input);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("vgpio decode: the input " + input + " does not exist or is not a file.");
        }
        try {
            return SignalFiles.read(p, warning -> System.err.println("vgpio: warning: " + warning));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("vgpio decode: cannot read " + input + ": " + e.getMessage());
        }
    }

    private static void decode(DecodeOptions o, Signals s, DecodeListener printer) throws UsageException {
        try {
            switch (o.protocol()) {
                case "i2c" -> {
                    int[] lines = {line(o, s, "--scl"), line(o, s, "--sda")};
                    s.feed(new I2cDecoder(printer), lines, new int[] {1, 1});
                }
                case "spi" -> {
                    SpiDecoder.Options spi = new SpiDecoder.Options(o.integer("--mode", 0), o.flag("--lsb-first"),
                            o.flag("--cs-active-high"), o.integer("--word-size", 8), o.has("--mosi"),
                            o.has("--miso"), o.has("--cs"));
                    SpiDecoder d = new SpiDecoder(spi, printer);
                    int[] lines = {line(o, s, "--clk"), line(o, s, "--mosi"), line(o, s, "--miso"),
                        line(o, s, "--cs")};
                    s.feed(d, lines, d.idleLevels());
                }
                case "uart" -> {
                    int[] lines = {line(o, s, "--rx"), line(o, s, "--tx")};
                    int baud = o.has("--baud") ? o.integer("--baud", 0) : detectBaud(s, lines);
                    UartDecoder.Options uart = new UartDecoder.Options(baud, o.integer("--bits", 8), o.parity(),
                            o.stopBits(), o.flag("--invert"), o.has("--rx"), o.has("--tx"));
                    UartDecoder d = new UartDecoder(uart, printer);
                    s.feed(d, lines, d.idleLevels());
                }
                case "onewire" -> {
                    Decoder d = new OneWireDecoder(o.flag("--overdrive"), printer);
                    s.feed(d, new int[] {line(o, s, "--line")}, new int[] {1});
                }
                default -> throw new IllegalStateException(o.protocol());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("vgpio decode: " + e.getMessage() + ".");
        }
    }

    /** The line an option names, or -1 when the option is not given. */
    private static int line(DecodeOptions o, Signals s, String option) throws UsageException {
        if (!o.has(option)) {
            return -1;
        }
        try {
            return s.line(o.value(option));
        } catch (IllegalArgumentException e) {
            throw new UsageException("vgpio decode: " + option + ": " + e.getMessage() + ".");
        }
    }

    private static int detectBaud(Signals s, int[] lines) throws UsageException {
        int baud = BaudDetector.detect(s, lines);
        if (baud == 0) {
            throw new UsageException("vgpio decode: cannot detect the baud rate: the UART lines hardly change;"
                    + " give --baud N.");
        }
        System.err.println("vgpio decode: baud rate " + baud + " (detected from the shortest pulse)");
        return baud;
    }
}
