package io.vgpio.app.cli;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.ChipHistory;
import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.core.timeline.TimelineBenchmark;
import io.vgpio.decode.DecodeBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code vgpio bench --models}: the speed of the UI-free models, which the unit tests check only for being right
 * (wall-clock limits in tests fail on a loaded machine and prove nothing on an idle one). Prints one line per
 * figure: the waveform's timeline frame over a full log, scrubbing a million-event history, and how late the
 * stimulus scheduler's edges really are.
 */
final class ModelBench {
    private static final int TRAINS = 10;
    private static final int PULSES = 20;
    private static final long WIDTH_US = 1000;
    private static final long PERIOD_US = 2000;

    private ModelBench() {
    }

    static int run(PrintStream out) throws Exception {
        TimelineBenchmark.run(100_000); // warm the JIT
        out.println("timeline: " + TimelineBenchmark.run(EventLog.DEFAULT_CAPACITY));
        history(out);
        decode(out);
        stimulus(out);
        return 0;
    }

    /** The I2C decoder over 1,000,000 edges, after a warm-up run. */
    static int decode(PrintStream out) {
        DecodeBenchmark.run(200_000);
        DecodeBenchmark.Result r = DecodeBenchmark.run(1_000_000);
        out.println("decode: " + r);
        out.printf(Locale.ROOT, "decode: 1,000,000 edges take %.0f ms at that rate (target at most 1000 ms)%n",
                1_000_000 / r.edgesPerSecond() * 1000);
        return 0;
    }

    /** Build time and per-scrub time of a history of a million events on 64 lines. */
    private static void history(PrintStream out) throws ConfigException {
        DeviceConfig config = DeviceConfig.builder().lines(64).build();
        EventLog log = new EventLog(1 << 20);
        Chip chip = new Chip(config, log);
        Random rnd = new Random(7);
        while (log.nextSeq() < 1_000_000) {
            int line = rnd.nextInt(64);
            switch (rnd.nextInt(8)) {
                case 0 -> chip.guestSetDirection(line, rnd.nextBoolean() ? Direction.IN : Direction.OUT);
                case 1 -> chip.guestSetValue(line, rnd.nextInt(2));
                default -> chip.setInput(line, rnd.nextInt(2), Cause.USER);
            }
        }
        long t0 = System.nanoTime();
        ChipHistory h = ChipHistory.build(config, log);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        long first = log.get(log.firstSeq()).timeNanos();
        long span = log.get(log.nextSeq() - 1).timeNanos() - first;
        long[] scrubs = new long[2000];
        long sink = 0;
        for (int i = -200; i < scrubs.length; i++) { // the first 200 warm up
            long s = System.nanoTime();
            sink += h.at(first + (long) (rnd.nextDouble() * span)).states().size();
            if (i >= 0) {
                scrubs[i] = System.nanoTime() - s;
            }
        }
        Arrays.sort(scrubs);
        out.printf(Locale.ROOT, "chip history: %,d events on %d lines: built in %.1f ms; a scrub (every line's state at"
                + " a random time) p50 %.3f ms, p99 %.3f ms (target: well under a 16 ms frame)%s%n", log.size(),
                config.lines(), buildMs, scrubs[scrubs.length / 2] / 1e6, scrubs[scrubs.length * 99 / 100] / 1e6,
                sink > 0 ? "" : " (no states?)");
    }

    /**
     * How late the edges of pulse trains really are: the line is armed for interrupts on both edges with a buffer
     * always queued, so every edge delivers an INTERRUPT stamped when the change was made (the LEVEL event of a
     * rising edge carries the planned time and cannot show it).
     */
    private static void stimulus(PrintStream out) throws Exception {
        EventLog log = new EventLog(1 << 16);
        Chip chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        int line = 2;
        long[] token = {100};
        chip.setInterruptSink((l, t, valid) -> chip.queueEventBuffer(l, ++token[0]));
        chip.guestSetDirection(line, Direction.IN);
        chip.guestSetIrqType(line, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(line, token[0]);
        List<Long> errors = new ArrayList<>();
        try (StimulusScheduler scheduler = new StimulusScheduler(chip)) {
            scheduler.pulseTrain(line, 5, WIDTH_US, PERIOD_US).get(10, TimeUnit.SECONDS); // warm-up
            for (int train = 0; train < TRAINS; train++) {
                long from = log.nextSeq();
                scheduler.pulseTrain(line, PULSES, WIDTH_US, PERIOD_US).get(10, TimeUnit.SECONDS);
                errors.addAll(edgeErrors(log, from, line));
            }
        }
        long[] e = errors.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "stimulus: %d pulse trains of %d x %d us every %d us: edge time error p50 %.1f us,"
                + " p99 %.1f us, max %.1f us (target: max <= 500 us)%n", TRAINS, PULSES, WIDTH_US, PERIOD_US,
                e[e.length / 2] / 1000.0, e[e.length * 99 / 100] / 1000.0, e[e.length - 1] / 1000.0);
    }

    /** Each edge's distance from its plan, from the INTERRUPT stamps; the first LEVEL event is the plan's origin. */
    private static List<Long> edgeErrors(EventLog log, long from, int line) {
        List<Long> levels = new ArrayList<>();
        List<Long> interrupts = new ArrayList<>();
        log.read(from, Integer.MAX_VALUE, (s, t, k, l, a, b) -> {
            if (l == line && k == EventKind.LEVEL) {
                levels.add(t);
            } else if (l == line && k == EventKind.INTERRUPT) {
                interrupts.add(t);
            }
        });
        long origin = levels.get(0);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < interrupts.size(); i++) {
            long planned = origin + (i / 2) * PERIOD_US * 1000 + (i % 2) * WIDTH_US * 1000;
            out.add(Math.abs(interrupts.get(i) - planned));
        }
        return out;
    }
}
