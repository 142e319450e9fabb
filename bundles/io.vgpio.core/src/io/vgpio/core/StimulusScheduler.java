package io.vgpio.core;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Timed input changes for a chip, run on a timer thread of their own (never the UI thread) with microsecond
 * accuracy ({@link Stimulus#waitUntil}). Requests run one after another in the order given; each returns a Future
 * that completes when its last change was made. All changes carry {@link Cause#USER}.
 */
public final class StimulusScheduler implements AutoCloseable {
    private final Chip chip;
    private final ExecutorService timer;
    private final Random random = new Random();

    public StimulusScheduler(Chip chip) {
        this.chip = chip;
        this.timer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vgpio-stimulus");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        timer.submit(() -> { }); // start the thread now: the first stimulus should not wait for it
    }

    public Chip chip() {
        return chip;
    }

    /** Inverts the line's input level. */
    public Future<?> toggle(int line) {
        return timer.submit(() -> chip.setInput(line, 1 - chip.inputLevel(line), Cause.USER));
    }

    /** Sets the input level. */
    public Future<?> set(int line, int level) {
        return timer.submit(() -> chip.setInput(line, level, Cause.USER));
    }

    /** A rising edge: low (if it is not), then high. */
    public Future<?> risingEdge(int line) {
        return timer.submit(() -> {
            chip.setInput(line, 0, Cause.USER);
            chip.setInput(line, 1, Cause.USER);
        });
    }

    /** A falling edge: high (if it is not), then low. */
    public Future<?> fallingEdge(int line) {
        return timer.submit(() -> {
            chip.setInput(line, 1, Cause.USER);
            chip.setInput(line, 0, Cause.USER);
        });
    }

    /** High for {@code widthMicros}, then low. */
    public Future<?> pulse(int line, long widthMicros) {
        checkPositive(widthMicros, "pulse width");
        return timer.submit(() -> Stimulus.pulse(chip, line, widthMicros, Cause.USER));
    }

    /** {@code count} pulses of {@code widthMicros}, one every {@code periodMicros} (period greater than width). */
    public Future<?> pulseTrain(int line, int count, long widthMicros, long periodMicros) {
        checkPositive(count, "pulse count");
        checkPositive(widthMicros, "pulse width");
        if (periodMicros <= widthMicros) {
            throw new IllegalArgumentException("the period (" + periodMicros + " us) must be longer than the pulse ("
                    + widthMicros + " us)");
        }
        return timer.submit(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long at = start + i * periodMicros * 1000L;
                Stimulus.waitUntil(at);
                chip.setInput(line, 1, Cause.USER); // stamped when it happened, not when it was planned
                Stimulus.waitUntil(at + widthMicros * 1000L);
                chip.setInput(line, 0, Cause.USER);
            }
        });
    }

    /**
     * Contact bounce: {@code transitions} level changes at random times within {@code durationMicros}, ending at
     * the opposite of the level it started from when the count is odd (as a switch that settles).
     */
    public Future<?> bounce(int line, int transitions, long durationMicros) {
        checkPositive(transitions, "transition count");
        checkPositive(durationMicros, "bounce duration");
        long[] offsets = new long[transitions];
        synchronized (random) {
            for (int i = 0; i < transitions; i++) {
                offsets[i] = (long) (random.nextDouble() * durationMicros * 1000L);
            }
        }
        java.util.Arrays.sort(offsets);
        return timer.submit(() -> {
            long start = System.nanoTime();
            for (long off : offsets) {
                Stimulus.waitUntil(start + off);
                chip.setInput(line, 1 - chip.inputLevel(line), Cause.USER);
            }
        });
    }

    private static void checkPositive(long v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive, not " + v);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
