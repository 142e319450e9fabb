package io.vgpio.app.cli;

import io.vgpio.core.DeviceConfig;
import io.vgpio.driver.DriverOptions;
import io.vgpio.driver.GpioDriver;
import io.vgpio.session.DeviceSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import io.vgpio.linux.CpuAffinity;

/**
 * {@code vgpio bench}: measures the device over its real socket and eventfds with the Java driver, and
 * the floor (a C eventfd ping-pong between two processes) in the same run.
 */
final class BenchCommand {
    static final String HELP = """
            usage: vgpio bench [--rounds N] [--in-process] [--check]
                   vgpio bench --models
                   vgpio bench --decode

            Measures, over the real vhost-user socket and eventfds:
              - request round trip (GET_VALUE, one request in flight): p50, p99
              - throughput with 64 requests in flight
              - interrupt latency: 'set' on the control socket -> eventq call eventfd signalled: p50, p99
            and the floor in the same run: a C program (built with gcc) bouncing an eventfd token between two
            processes. The backend runs as a separate 'vgpio serve' process, as it does under QEMU. Round trip
            and floor are measured twice: where the scheduler puts the processes, and with both on CPU 0 (on
            a VM, waking an idle vCPU can cost more than everything else together).

              --rounds N      samples per latency figure (default 20000)
              --in-process    run the backend inside the benchmark's JVM instead
              --check         exit 1 if a target is missed (round trip p50 <= 1.5x floor p50,
                              >= 200000 requests/s, interrupt p99 <= 50 us)
              --models        instead: the speed of the UI-free models (the waveform's timeline frame
                              over a full log, scrubbing a million-event history, how late stimulus
                              edges are), which the unit tests check only for being right
              --decode        instead: how fast the I2C decoder decodes 1,000,000 edges (edges/s and the
                              time for all of them; target at most 1 s); --models prints it too
            """;

    private BenchCommand() {
    }

    static int run(List<String> argv, PrintStream out) throws UsageException {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.print(HELP);
            return 0;
        }
        Args a = new Args("bench", argv);
        int rounds = 20000;
        boolean inProcess = false;
        boolean check = false;
        boolean models = false;
        boolean decode = false;
        while (a.hasNext()) {
            String o = a.next();
            switch (o) {
                case "--rounds" -> rounds = a.intValue(o, 100, 10_000_000);
                case "--in-process" -> inProcess = true;
                case "--check" -> check = true;
                case "--models" -> models = true;
                case "--decode" -> decode = true;
                default -> throw a.unknown(o);
            }
        }
        if (decode && !models) {
            return ModelBench.decode(out);
        }
        if (models) {
            try {
                return ModelBench.run(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (Exception e) {
                System.err.println("vgpio bench: the model benchmark failed: " + e);
                return 1;
            }
        }
        String launcher = System.getenv("VGPIO_LAUNCHER");
        if (!inProcess && (launcher == null || !Files.isExecutable(Path.of(launcher)))) {
            out.println("vgpio bench: VGPIO_LAUNCHER is not set (not started through ./vgpio): backend runs in-process");
            inProcess = true;
        }
        CliLogging.configure(0);
        try {
            return measure(rounds, inProcess, launcher, check, out);
        } catch (IOException e) {
            System.err.println("vgpio bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Where the processes of one measurement may run. */
    enum Placement {
        /** Wherever the scheduler puts them. */
        ANY("scheduler's placement"),
        /** Both on CPU 0: no cross-CPU wake-up (on a VM, waking an idle vCPU can cost tens of microseconds). */
        ONE_CPU("both on CPU 0");

        final String label;

        Placement(String label) {
            this.label = label;
        }
    }

    /** p50 and p99 of the floor and of the device, measured in alternating blocks. */
    record Latency(long[] floor, long[] device) {
        double ratio() {
            return (double) device[0] / floor[0];
        }
    }

    private static int measure(int rounds, boolean inProcess, String launcher, boolean check, PrintStream out)
            throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "vGPIO benchmark: backend %s, %d samples per latency figure%n",
                inProcess ? "in this JVM" : "in a separate 'vgpio serve' process", rounds);
        Path exe = EventfdFloor.program();
        Latency[] rt = new Latency[Placement.values().length];
        double rate = 0;
        long[] irq = null;
        long[] inDevice = null;
        for (Placement pl : Placement.values()) {
            try (Backend b = Backend.start(inProcess, launcher, pl)) {
                if (pl == Placement.ONE_CPU) {
                    CpuAffinity.pinCurrentThread(0);
                }
                try {
                    out.println("round trip and eventfd floor, interleaved, " + pl.label + "...");
                    rt[pl.ordinal()] = roundTrip(b.socket, exe, rounds, pl);
                    if (pl == Placement.ANY) {
                        b.awaitDetach();
                        out.println("throughput with 64 requests in flight...");
                        try (GpioDriver d = GpioDriver.attach(b.socket,
                                DriverOptions.defaults().withQueueSize(256))) {
                            rate = DeviceProbes.throughput(d, 64, 2_000_000_000L);
                        }
                        b.awaitDetach();
                        out.println("interrupt latency (control 'set' -> call eventfd signalled)...");
                        try (GpioDriver d = GpioDriver.attach(b.socket)) {
                            irq = DeviceProbes.interruptLatency(d, b.control, Math.min(rounds, 5000));
                        }
                        inDevice = DeviceProbes.inDeviceInterruptLatency(b.control);
                    }
                } finally {
                    CpuAffinity.unpinCurrentThread();
                }
            }
        }
        return report(out, rt, rate, irq, inDevice, check);
    }

    /** The backend under test: a 'vgpio serve' child (pinned like the measurement) or a host in this JVM. */
    private static final class Backend implements AutoCloseable {
        final Path dir;
        final Path socket;
        final Path control;
        private Process child;
        private DeviceSession host;

        private Backend(Path dir) {
            this.dir = dir;
            this.socket = dir.resolve("gpio.sock");
            this.control = dir.resolve("gpio.ctl");
        }

        static Backend start(boolean inProcess, String launcher, Placement pl) throws IOException,
                InterruptedException {
            Backend b = new Backend(Files.createTempDirectory("vgpio-bench"));
            if (inProcess) {
                b.host = new DeviceSession(DeviceConfig.defaults(), b.socket, b.control, 1 << 16);
                b.host.start();
                return b;
            }
            List<String> cmd = new ArrayList<>();
            if (pl == Placement.ONE_CPU) {
                cmd.addAll(List.of("taskset", "-c", "0"));
            }
            cmd.addAll(List.of(launcher, "serve", "--socket", b.socket.toString(), "--control", b.control.toString(),
                    "--log-capacity", "65536"));
            Path log = b.dir.resolve("serve.log");
            b.child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            waitForSocket(b.control, b.child, log);
            return b;
        }

        void awaitDetach() throws IOException, InterruptedException {
            BenchCommand.awaitDetach(control);
        }

        @Override
        public void close() throws InterruptedException {
            if (host != null) {
                host.close();
            }
            if (child != null) {
                child.destroy();
                if (!child.waitFor(5, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            deleteTree(dir);
        }
    }

    /**
     * The machine's wake-up cost swings with load and CPU placement: the floor and the device are measured in
     * alternating blocks so both figures come from the same conditions.
     */
    private static Latency roundTrip(Path socket, Path exe, int rounds, Placement pl) throws IOException,
            InterruptedException {
        int blocks = 10;
        int perBlock = Math.max(100, rounds / blocks);
        long[] floorAll = new long[perBlock * blocks];
        long[] rtAll = new long[perBlock * blocks];
        try (GpioDriver d = GpioDriver.attach(socket)) {
            DeviceProbes.roundTripSamples(d, Math.max(1000, rounds / 10)); // warm-up: JIT, caches
            for (int b = 0; b < blocks; b++) {
                long[] floor = EventfdFloor.samples(exe, perBlock, pl == Placement.ONE_CPU);
                System.arraycopy(floor, 0, floorAll, b * perBlock, perBlock);
                System.arraycopy(DeviceProbes.roundTripSamples(d, perBlock), 0, rtAll, b * perBlock, perBlock);
            }
        }
        return new Latency(DeviceProbes.percentiles(floorAll), DeviceProbes.percentiles(rtAll));
    }

    private static int report(PrintStream out, Latency[] rt, double rate, long[] irq, long[] inDevice,
            boolean check) {
        boolean okRt = true;
        boolean okRate = rate >= 200_000;
        boolean okIrq = irq[1] <= 50_000;
        out.println();
        out.printf(Locale.ROOT, "%-52s %10s %10s   %s%n", "", "p50", "p99", "target");
        for (Placement pl : Placement.values()) {
            Latency l = rt[pl.ordinal()];
            boolean ok = l.ratio() <= 1.5;
            okRt &= ok;
            out.printf(Locale.ROOT, "%-52s %10s %10s%n", "eventfd floor, C, 2 processes (" + pl.label + ")",
                    us(l.floor()[0]), us(l.floor()[1]));
            out.printf(Locale.ROOT, "%-52s %10s %10s   p50 <= 1.5x floor: %.2fx %s%n",
                    "request round trip, 1 in flight (" + pl.label + ")", us(l.device()[0]), us(l.device()[1]),
                    l.ratio(), ok ? "PASS" : "MISS");
        }
        out.printf(Locale.ROOT, "%-52s %10s %10s   p99 <= 50 us %s%n", "interrupt latency, set -> call eventfd (*)",
                us(irq[0]), us(irq[1]), okIrq ? "PASS" : "MISS");
        out.printf(Locale.ROOT, "%-52s %10s %10s%n", "  of which in the device: level change -> buffer returned",
                us(inDevice[0]), us(inDevice[1]));
        out.printf(Locale.ROOT, "%-52s %,21.0f/s   >= 200,000 %s%n", "requests with 64 in flight", rate,
                okRate ? "PASS" : "MISS");
        out.println("(*) from writing 'set' on the control socket to the measuring thread woken by the call eventfd:"
                + " two wake-ups (control thread, driver) and the device's work");
        return check && !(okRt && okRate && okIrq) ? 1 : 0;
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }

    private static void waitForSocket(Path control, Process child, Path logFile) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IOException("'vgpio serve' exited with " + child.exitValue() + ": "
                        + Files.readString(logFile));
            }
            if (Files.exists(control)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("'vgpio serve' did not open its sockets within 60 s");
    }

    /** Waits until the backend noticed the previous driver left (it refuses a second frontend). */
    private static void awaitDetach(Path control) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(control));
                OutputStream os = Channels.newOutputStream(ch);
                os.write("info\n".getBytes(StandardCharsets.US_ASCII));
                os.flush();
                String answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                        StandardCharsets.US_ASCII)).readLine();
                if (answer != null && answer.contains("frontend=none")) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new IOException("the backend still reports an attached frontend");
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files only
        }
    }
}
