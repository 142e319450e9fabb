package io.vgpio.app.cli;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.Stimulus;
import io.vgpio.trace.Replay;
import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.VcdReader;
import io.vgpio.session.DeviceSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code vgpio replay}: serves a device, replays a trace's stimulus into it, and compares the guest's behaviour. */
final class ReplayCommand {
    static final String HELP = """
            usage: vgpio replay TRACE [--socket PATH] [--control PATH] [--fast] [--timeout SECONDS]
                                      [--record FILE] [-v]
                   vgpio replay --vcd FILE.vcd --lines N [--names a,b] [--socket PATH] ...

            Serves a device with the trace's configuration and waits for a guest to connect (start it with
            './vgpio guest --socket PATH' or QEMU). Then it feeds the trace's external stimulus (input changes
            made by a user, hardware or an earlier replay) into the device: each change waits until the guest has
            done on that line what the recorded guest had done by then, then keeps the recorded delay (or none
            with --fast). Finally it compares what the guest did (requests, eventq buffers, interrupts, outputs,
            INVALID returns, rule violations, line by line) with the trace and prints a report.
            Exit code 0: no divergence; 1: the guest diverged (the report names the first divergence); 2: bad
            arguments or a bad trace file.

              --socket PATH       vhost-user socket to serve (default as for 'serve')
              --control PATH      control socket (default: the socket path + .ctl)
              --fast              apply each change as soon as the guest is ready for it
              --timeout SECONDS   how long the guest may take to do what the trace expects (default 30)
              --record FILE       also record the replayed session as a trace
              --vcd FILE          use a VCD's 1-bit wires as the stimulus instead of a trace (no comparison;
                                  times count from the guest's connection); with --lines/--names for the device
              -v                  print decoded device traffic
            """;

    private ReplayCommand() {
    }

    static int run(List<String> argv, PrintStream out) throws UsageException {
        if (argv.isEmpty() || argv.contains("--help") || argv.contains("-h")) {
            out.print(HELP);
            return argv.isEmpty() ? 2 : 0;
        }
        Args a = new Args("replay", argv);
        String trace = null;
        Path socket = null;
        Path control = null;
        boolean fast = false;
        int timeout = 30;
        Path record = null;
        Path vcd = null;
        int verbosity = 0;
        int lines = DeviceConfig.DEFAULT_LINES;
        String names = null;
        while (a.hasNext()) {
            String o = a.next();
            switch (o) {
                case "--socket" -> socket = Path.of(a.value(o));
                case "--control" -> control = Path.of(a.value(o));
                case "--fast" -> fast = true;
                case "--timeout" -> timeout = a.intValue(o, 1, 86_400);
                case "--record" -> record = Path.of(a.value(o));
                case "--vcd" -> vcd = Path.of(a.value(o));
                case "--lines" -> lines = a.intValue(o, 1, 65535);
                case "--names" -> names = a.value(o);
                case "-v" -> verbosity++;
                default -> {
                    if (o.startsWith("-") || trace != null) {
                        throw a.unknown(o);
                    }
                    trace = o;
                }
            }
        }
        if ((trace == null) == (vcd == null)) {
            throw new UsageException("vgpio replay: give a trace file, or --vcd FILE; see 'vgpio replay --help'.");
        }
        CliLogging.configure(verbosity);
        try {
            TraceReader.Trace t = trace != null ? TraceCommand.read(trace) : null;
            DeviceConfig config;
            if (t != null) {
                config = t.config();
            } else {
                DeviceConfig.Builder b = DeviceConfig.builder().origin("--lines").lines(lines);
                if (names != null) {
                    b.origin("--names").namesList(names);
                }
                config = b.build();
            }
            if (socket == null) {
                socket = DeviceSession.defaultSocket();
            }
            DeviceSession host = new DeviceSession(config, socket, control != null ? control : DeviceSession.defaultControl(socket),
                    EventLog.DEFAULT_CAPACITY);
            if (record != null) {
                host.startRecording(record); // before serving: the trace starts from the device's reset state
            }
            host.start();
            try {
                out.println("vgpio replay: serving on " + host.socketPath() + "; attach the guest, e.g.:");
                out.println("  ./vgpio guest --socket " + host.socketPath() + " --script YOUR-SCRIPT");
                out.flush();
                if (t != null) {
                    Replay.Result r = Replay.run(t, host.chip(), new Replay.Options(!fast, timeout * 1_000_000_000L,
                            2_000_000_000L), out);
                    out.print(r.report());
                    out.flush();
                    awaitGuestGone(host, timeout, out);
                    return r.diverged() ? 1 : 0;
                }
                return playVcd(VcdReader.read(vcd, config), host, out);
            } finally {
                if (record != null) {
                    host.stopRecording();
                }
                host.close();
            }
        } catch (TraceFormatException e) {
            System.err.println("vgpio replay: " + e.getMessage());
            return 2;
        } catch (io.vgpio.core.ConfigException e) {
            throw new UsageException("vgpio replay: " + e.getMessage());
        } catch (IOException e) {
            System.err.println("vgpio replay: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Keeps serving until the guest goes away (at most {@code timeoutSeconds}): closing the device under a running
     * QEMU would leave its guest hanging on a vanished backend.
     */
    private static void awaitGuestGone(DeviceSession host, int timeoutSeconds, PrintStream out)
            throws InterruptedException {
        if (host.guestAttached()) {
            out.println("vgpio replay: serving until the guest disconnects (at most " + timeoutSeconds + " s)");
            out.flush();
            host.backend().awaitDisconnected(timeoutSeconds * 1000L);
        }
    }

    private static int playVcd(VcdReader.Stimulus s, DeviceSession host, PrintStream out) throws InterruptedException {
        if (!s.unmatched().isEmpty()) {
            out.println("vgpio replay: wires that match no line, ignored: " + s.unmatched());
        }
        out.println("vgpio replay: waiting for the guest to connect...");
        while (!host.guestAttached()) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        long worst = 0;
        for (VcdReader.Change c : s.changes()) {
            long target = start + c.timeNanos();
            Stimulus.waitUntil(target);
            long now = System.nanoTime();
            worst = Math.max(worst, now - target);
            host.chip().setInput(c.line(), c.level(), Cause.REPLAY, now);
        }
        out.printf(Locale.ROOT, "vgpio replay: applied %d input changes from the VCD; worst lateness %.1f us%n",
                s.changes().size(), worst / 1e3);
        awaitGuestGone(host, 30, out);
        return 0;
    }
}
