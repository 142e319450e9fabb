package io.vgpio.app.cli;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventLog;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.session.DeviceSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code vgpio serve}: runs the device without a display until interrupted. */
final class ServeCommand {
    static final String HELP = """
            usage: vgpio serve [--socket PATH] [--lines N] [--names a,b,,d] [--config FILE]
                               [--control PATH] [--no-irq] [-v|-vv] [--log-capacity N]
                               [--record FILE] [--bind LINE=SPEC]... [--qmp PATH]

            Serves a virtio-gpio device over vhost-user until interrupted (Ctrl-C). QEMU's
            vhost-user-gpio-pci connects to the socket; the QEMU command line is printed at start.

              --socket PATH       vhost-user socket to listen on (mode 0600, parent created)
                                  default: %s
              --lines N           number of GPIO lines, 1..65535 (default 8)
              --names a,b,,d      line names in line order; empty entries leave a line unnamed
              --config FILE       device configuration file (lines =, irq =, names =, name.N =,
                                  bind.N =, break.N =); options given on the command line override it
              --control PATH      control socket for scripts (default: the socket path + .ctl)
              --no-control        serve no control socket
              --no-irq            do not offer VIRTIO_GPIO_F_IRQ (no eventq interrupts)
              -v, -vv             print decoded device traffic; -vv also every vhost-user message
              --log-capacity N    events kept in memory (default 1048576)
              --record FILE       record everything into a trace file (docs/trace-format.md); a block is
                                  flushed every second, so a crash loses at most about a second
              --bind LINE=SPEC    bind a line to a physical line of a Linux GPIO chip (repeatable):
                                    in,CHIP:LINE[,bias=pull-up|pull-down|disabled][,active-low][,debounce=5ms]
                                    out,CHIP:LINE[,drive=open-drain|open-source][,bias=..][,active-low]
                                  CHIP is gpiochipN, /dev/gpiochipN, N or the chip's label; the physical LINE an
                                  offset or a name ('vgpio gpioinfo' lists them). 'in': the chip's edges drive the
                                  line and raise the guest's interrupts; 'out': the guest's output drives the pin.
                                  The bound line must be free; an unplugged chip is rebound when it is back.
              --qmp PATH          QEMU's QMP socket (-qmp unix:PATH,server=on,wait=off), for pause-guest
                                  breakpoints; connected when it appears, and again after QEMU restarts

            Control socket, one command per line: set LINE 0|1, get LINE, pulse LINE MICROSECONDS,
            state, info, events FROM [MAX], bind LINE SPEC, unbind LINE, bindings, break add SPEC|list|
            del ID|enable ID|disable ID, halted, wait-halt TIMEOUT_MS, step, continue, help,
            part list|get|set|press|release|turn|add|del (the simulated parts a config's part.NAME keys add).
            Answers: ok [...], err REASON; state answers one line per GPIO line.
            LINE is a line number or a line name.
            """;

    private ServeCommand() {
    }

    /** Parsed options of serve. */
    /** @param qmp QEMU's QMP socket for pause-guest breakpoints, or null */
    record Options(DeviceConfig config, Path socket, Path control, int verbosity, int logCapacity, Path record,
            Path qmp) {
    }

    static Options parse(List<String> argv) throws UsageException {
        Args a = new Args("serve", argv);
        Path socket = null;
        Path control = null;
        boolean noControl = false;
        String lines = null;
        String names = null;
        Path configFile = null;
        boolean noIrq = false;
        int verbosity = 0;
        int capacity = EventLog.DEFAULT_CAPACITY;
        Path record = null;
        Path qmp = null;
        List<String> binds = new java.util.ArrayList<>();
        while (a.hasNext()) {
            String o = a.next();
            switch (o) {
                case "--socket" -> socket = path(a, o);
                case "--lines" -> lines = a.value(o);
                case "--names" -> names = a.value(o);
                case "--config" -> configFile = path(a, o);
                case "--control" -> control = path(a, o);
                case "--no-control" -> noControl = true;
                case "--no-irq" -> noIrq = true;
                case "-v", "--verbose" -> verbosity++;
                case "-vv" -> verbosity += 2;
                case "--log-capacity" -> capacity = a.intValue(o, 1, 1 << 28);
                case "--record" -> record = path(a, o);
                case "--qmp" -> qmp = path(a, o);
                case "--bind" -> binds.add(a.value(o));
                default -> throw a.unknown(o);
            }
        }
        DeviceConfig.Builder b;
        try {
            if (configFile != null) {
                if (!Files.isRegularFile(configFile)) {
                    throw new UsageException("vgpio serve: the configuration file " + configFile
                            + " does not exist or is not a file; check the --config path.");
                }
                b = DeviceConfig.parse(configFile);
            } else {
                b = DeviceConfig.builder();
            }
            if (lines != null) {
                int n;
                try {
                    n = Integer.parseInt(lines.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("vgpio serve: --lines must be a whole number from 1 to 65535, not '"
                            + lines + "'.");
                }
                b.origin("--lines").lines(n);
            }
            if (names != null) {
                b.origin("--names").namesList(names);
            }
            if (noIrq) {
                b.irq(false);
            }
            for (String bind : binds) {
                int eq = bind.indexOf('=');
                String lineToken = eq < 0 ? "" : bind.substring(0, eq).strip();
                if (eq < 0 || !lineToken.chars().allMatch(Character::isDigit) || lineToken.isEmpty()
                        || lineToken.length() > 5) {
                    throw new UsageException("vgpio serve: --bind takes LINE=SPEC with LINE a line number, e.g."
                            + " --bind 3=in,gpiochip1:5,bias=pull-up; found '" + bind + "'.");
                }
                int line = Integer.parseInt(lineToken);
                b.origin("--bind").bind(line, io.vgpio.core.LineBinding.parse(line, bind.substring(eq + 1), "--bind"));
            }
            DeviceConfig config = b.origin(names != null ? "--names" : configFile != null ? configFile.toString()
                    : "options").build();
            boolean socketGiven = socket != null;
            boolean controlGiven = control != null;
            if (socket == null) {
                socket = defaultSocket();
            }
            if (control == null && !noControl) {
                control = DeviceSession.defaultControl(socket);
            }
            if (!noControl) {
                ServePaths.checkControl(socket, control);
            }
            ServePaths.checkSocket(socket, "--socket", "vhost-user socket", socketGiven);
            if (!noControl) {
                ServePaths.checkSocket(control, "--control", "control socket", controlGiven);
            }
            if (record != null) {
                ServePaths.checkRecord(record);
            }
            return new Options(config, socket, noControl ? null : control, verbosity, capacity, record, qmp);
        } catch (ConfigException e) {
            throw new UsageException("vgpio serve: " + e.getMessage());
        }
    }

    /** A path option's value; an empty one would silently mean the current directory. */
    private static Path path(Args a, String option) throws UsageException {
        String v = a.value(option);
        if (v.isEmpty()) {
            String example = switch (option) {
                case "--record" -> "session.trc";
                case "--config" -> "dev.conf";
                case "--control" -> "/tmp/gpio.ctl";
                case "--qmp" -> "/tmp/qmp.sock";
                default -> "/tmp/gpio.sock";
            };
            throw new UsageException("vgpio serve: " + option + " needs a path, not an empty string; give a file"
                    + " name, e.g. " + option + " " + example + ".");
        }
        try {
            return Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("vgpio serve: " + option + " '" + v + "' is not a usable path (" + e.getReason()
                    + "); give another.");
        }
    }

    static Path defaultSocket() {
        return DeviceSession.defaultSocket();
    }

    static int run(List<String> argv, PrintStream out) throws UsageException {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.printf(HELP, defaultSocket());
            return 0;
        }
        Options o = parse(argv);
        CliLogging.configure(o.verbosity());
        DeviceSession host = new DeviceSession(o.config(), o.socket(), o.control(), o.logCapacity());
        if (o.qmp() != null) {
            host.connectQmp(o.qmp());
        }
        // The recorder starts before the device serves, so the trace holds the whole session: nothing a client
        // does in the first instant can slip in before it.
        if (o.record() != null) {
            try {
                host.startRecording(o.record());
            } catch (IOException e) {
                CliLogging.err().println("vgpio serve: cannot record to " + o.record() + ": " + e.getMessage());
                host.close();
                return 1;
            }
        }
        // Bound lines are taken before the sockets appear: a script that waits for the control socket finds
        // the physical lines held.
        List<String> errors = host.bindConfigured(false);
        if (!errors.isEmpty()) {
            for (String e : errors) {
                CliLogging.err().println("vgpio serve: cannot bind " + e);
            }
            host.close();
            return 2;
        }
        try {
            host.start();
        } catch (IOException e) {
            String where = e instanceof DeviceSession.ControlSocketException ? "the control socket " + o.control()
                    : o.socket().toString();
            CliLogging.err().println("vgpio serve: cannot serve on " + where + ": " + e.getMessage());
            host.close();
            return 1;
        }
        DeviceConfig c = o.config();
        out.println("vgpio: serving a virtio-gpio device with " + c.lines() + " lines"
                + (c.hasNames() ? " (named)" : "") + ", interrupts " + (c.irq() ? "on" : "off"));
        out.println("vgpio: vhost-user socket: " + host.socketPath());
        if (host.control() != null) {
            out.println("vgpio: control socket:    " + host.control().path()
                    + "  (try: echo state | socat - UNIX-CONNECT:" + host.control().path() + ")");
        }
        out.println("vgpio: attach a guest with:");
        out.println("  " + host.qemuCommandLine());
        if (host.recorder() != null) {
            out.println("vgpio: recording to " + o.record());
        }
        if (o.qmp() != null) {
            out.println("vgpio: QMP socket for pause-guest breakpoints: " + o.qmp()
                    + " (QEMU: -qmp unix:" + o.qmp() + ",server=on,wait=off)");
        }
        for (BindingStatus st : host.bindings().statuses()) {
            out.println("vgpio: bound line " + st.describe());
        }
        host.parts().list().forEach(p -> out.println("vgpio: part " + p.name() + " " + p.type().word() + " "
                + p.describe()));
        out.println("vgpio: or boot the project's test guest: ./vgpio guest --socket " + host.socketPath());
        out.flush();

        EventFormat format = new EventFormat(c).withPartNames(host.parts()::nameOf);
        TrafficPrinter printer = new TrafficPrinter(host.log(), format, o.verbosity(), CliLogging.err());
        Thread pt = new Thread(printer, "vgpio-traffic-printer");
        pt.setDaemon(true);
        pt.start();

        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            printer.stop();
            try {
                host.stopRecording();
            } catch (IOException e) {
                CliLogging.err().println("vgpio serve: the recording " + o.record() + " is incomplete: "
                        + e.getMessage());
            }
            host.close();
            done.countDown();
        }, "vgpio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
