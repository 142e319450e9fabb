package io.vgpio.trace.tests;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceRecorder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark (releng/bench/trace-kill.sh runs it): how much of a recording {@code kill -9} loses. A child JVM records
 * an event log that gets RATE events a second; the parent SIGKILLs it at a random moment and reads the trace. The
 * loss is the time from the kill back to the last event in the file, measured on CLOCK_MONOTONIC, which both JVMs'
 * System.nanoTime() read on Linux. It includes the time the kill takes, so it errs on the high side.
 *
 * <pre>TraceKillBench [RUNS [RATE]]       (defaults: 5 runs, 100000 events/s)</pre>
 */
public final class TraceKillBench {
    private TraceKillBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Path.of(args[1]), Long.parseLong(args[2]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long rate = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("trace-kill");
        Random random = new Random();
        double worst = 0;
        for (int run = 1; run <= runs; run++) {
            Path file = dir.resolve("run" + run + ".trc");
            worst = Math.max(worst, run(run, file, rate, 1000 + random.nextInt(1500)));
            Files.delete(file);
        }
        Files.delete(dir);
        System.out.printf(Locale.ROOT, "kill -9 loss: max %.1f ms over %d runs at %,d events/s (recorder flushes"
                + " every %d ms)%n", worst, runs, rate, TraceRecorder.FLUSH_MILLIS);
    }

    private static double run(int run, Path file, long rate, int aliveMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TraceKillBench.class.getName(), "child", file.toString(), Long.toString(rate))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            throw new IllegalStateException("the recording child did not start: " + ready);
        }
        long logStart = Long.parseLong(ready.substring(6));
        Thread.sleep(aliveMillis); // a benchmark: let it record for a while under load
        long killedAt = System.nanoTime();
        child.destroyForcibly(); // SIGKILL
        child.waitFor();
        TraceReader.Trace t = TraceReader.read(file);
        double lostMillis = (killedAt - (logStart + t.durationNanos())) / 1e6;
        System.out.printf(Locale.ROOT, "run %d: %,d events in %.3f s (%,.0f/s), %s; lost %.1f ms (about %,d events)%n",
                run, t.events(), t.durationNanos() / 1e9, t.events() / (t.durationNanos() / 1e9),
                t.cutAt() >= 0 ? "reported cut at byte offset " + t.cutAt() : "NOT reported as cut", lostMillis,
                (long) (lostMillis * rate / 1000));
        return lostMillis;
    }

    /** Records RATE level changes a second (in bursts every 0.1 ms or so) until killed. */
    private static void child(Path file, long rate) throws Exception {
        EventLog log = new EventLog();
        try (TraceRecorder rec = new TraceRecorder(file, DeviceConfig.defaults(), log)) {
            System.out.println("ready " + log.startNanos());
            System.out.flush();
            long start = System.nanoTime();
            for (long n = 0;;) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                for (; n < due; n++) {
                    log.append(EventKind.LEVEL, (int) (n & 7), n >> 3 & 1, Cause.USER.wire());
                }
                LockSupport.parkNanos(100_000); // events come in bursts, as from a device, not a spinning core
            }
        }
    }
}
