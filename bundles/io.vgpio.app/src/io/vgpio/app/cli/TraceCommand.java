package io.vgpio.app.cli;

import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.TraceInfo;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.VcdWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code vgpio trace info|vcd}: look into a trace file, or export it as a VCD. */
final class TraceCommand {
    static final String HELP = """
            usage: vgpio trace info TRACE          what a trace holds: device, start, duration, events by kind,
                                                  and every line's state when the recording started
                   vgpio trace vcd TRACE OUT.vcd   export as a Value Change Dump (GTKWave, PulseView/sigrok):
                                                  one wire per line, the virtqueue traffic as event variables

            Traces are recorded with 'vgpio serve --record FILE' (format: docs/trace-format.md).
            A recording cut by a crash or kill -9 reads back to its last flush (at most about 50 ms
            before the cut): 'info' says where it was cut, in its 'end:' line and in a warning on
            stderr, and still exits 0, because what was read is good. A damaged file exits 2.
            """;

    private TraceCommand() {
    }

    static int run(List<String> argv, PrintStream out) throws UsageException {
        if (argv.isEmpty() || argv.contains("--help") || argv.contains("-h")) {
            out.print(HELP);
            return argv.isEmpty() ? 2 : 0;
        }
        String sub = argv.get(0);
        try {
            switch (sub) {
                case "info" -> {
                    if (argv.size() != 2) {
                        throw new UsageException("vgpio trace info: give one trace file; see 'vgpio trace --help'.");
                    }
                    return info(read(argv.get(1)), out);
                }
                case "vcd" -> {
                    if (argv.size() != 3) {
                        throw new UsageException("vgpio trace vcd: give the trace file and the VCD file to write;"
                                + " see 'vgpio trace --help'.");
                    }
                    TraceReader.Trace t = read(argv.get(1));
                    long n = VcdWriter.write(t.log(), t.config(), 0, t.wallClockStartMicros(), Path.of(argv.get(2)));
                    out.println("vgpio trace: wrote " + argv.get(2) + " (" + n + " value changes)");
                    return 0;
                }
                default -> throw new UsageException("vgpio trace: unknown subcommand '" + sub
                        + "'; use info or vcd.");
            }
        } catch (TraceFormatException e) {
            System.err.println("vgpio trace: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("vgpio trace: " + e.getMessage());
            return 1;
        }
    }

    static TraceReader.Trace read(String file) throws IOException, UsageException {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("vgpio: the trace file " + file + " does not exist or is not a file.");
        }
        TraceReader.Trace t = TraceReader.read(p);
        if (t.warning() != null) {
            System.err.println("vgpio: warning: " + t.warning());
        }
        return t;
    }

    private static int info(TraceReader.Trace t, PrintStream out) throws IOException {
        TraceInfo.print(t, out);
        return 0;
    }
}
