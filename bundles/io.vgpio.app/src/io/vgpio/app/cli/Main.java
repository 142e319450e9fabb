package io.vgpio.app.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The headless command line: {@code vgpio COMMAND [options]}. */
public final class Main {
    static final String USAGE = """
            usage: vgpio COMMAND [options]

            commands:
              workbench          open the vGPIO Workbench window, serving the default device
              serve              run the virtio-gpio device headless (vhost-user + control socket)
              bench              measure round-trip latency, throughput and interrupt latency
              trace              look into a recorded trace, or export it as VCD
              replay             replay a trace (or a VCD) into a device and compare the guest's behaviour
              decode             decode I2C, SPI, UART or 1-Wire from a trace or a VCD
              guest              boot the test Linux guest attached to a running device
              gpiodetect         list this machine's GPIO chips (for binding lines to real pins)
              gpioinfo [CHIP]    list the lines of GPIO chips: name, consumer, direction, flags
              help [COMMAND]     this text, or a command's options

            'vgpio COMMAND --help' describes a command's options.
            """;

    private Main() {
    }

    /** Entry point without OSGi (plain class path); the product uses the io.vgpio.app.cli application. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the process exit code (2 for bad arguments). */
    public static int run(String[] args) {
        PrintStream out = System.out;
        List<String> argv = Arrays.asList(args);
        if (argv.isEmpty()) {
            System.err.print(USAGE);
            return 2;
        }
        String command = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (command) {
                case "serve" -> ServeCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out);
                case "trace" -> TraceCommand.run(rest, out);
                case "replay" -> ReplayCommand.run(rest, out);
                case "decode" -> DecodeCommand.run(rest, out);
                case "gpiodetect" -> HardwareCommand.detect(rest, out);
                case "gpioinfo" -> HardwareCommand.info(rest, out);
                case "help", "--help", "-h" -> help(rest, out);
                default -> throw new UsageException("vgpio: unknown command '" + command
                        + "'; commands are workbench, serve, bench, trace, replay, decode, guest, gpiodetect, gpioinfo and help.");
            };
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            return 2;
        } finally {
            out.flush();
            System.err.flush();
        }
    }

    private static int help(List<String> rest, PrintStream out) throws UsageException {
        if (rest.isEmpty()) {
            out.print(USAGE);
            return 0;
        }
        return switch (rest.get(0)) {
            case "serve" -> {
                out.printf(ServeCommand.HELP, ServeCommand.defaultSocket());
                yield 0;
            }
            case "bench" -> {
                out.print(BenchCommand.HELP);
                yield 0;
            }
            case "trace" -> {
                out.print(TraceCommand.HELP);
                yield 0;
            }
            case "replay" -> {
                out.print(ReplayCommand.HELP);
                yield 0;
            }
            case "decode" -> {
                out.print(DecodeCommand.HELP);
                yield 0;
            }
            case "gpiodetect" -> {
                out.print(HardwareCommand.DETECT_HELP);
                yield 0;
            }
            case "gpioinfo" -> {
                out.print(HardwareCommand.INFO_HELP);
                yield 0;
            }
            default -> throw new UsageException("vgpio help: no command '" + rest.get(0)
                    + "'; commands are workbench, serve, bench, trace, replay, decode, guest, gpiodetect, gpioinfo and help.");
        };
    }
}
