package io.vgpio.core.stimulus;

import io.vgpio.core.Chip;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Timed input changes for a chip, run on a timer thread of their own (never the UI thread) with microsecond
 * accuracy ({@link io.vgpio.core.Stimulus#waitUntil}). A device has exactly one, owned by its host: the Stimulus
 * view, the schematic's menu and the control socket all submit here, so stimuli run one after another in the
 * order given, whoever gave them, and never interleave. Each submission returns a Future that completes when its
 * last change was made. All changes carry {@link io.vgpio.core.Cause#USER}.
 */
public final class StimulusScheduler implements AutoCloseable {
    private final Chip chip;
    private final ExecutorService timer;

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

    /**
     * Queues a stimulus after those already given.
     *
     * @throws java.util.concurrent.RejectedExecutionException once the scheduler is closed
     */
    public Future<?> submit(StimulusDefinition stimulus) {
        return timer.submit(() -> stimulus.drive(chip));
    }

    /** Inverts the line's input level. */
    public Future<?> toggle(int line) {
        return submit(new Toggle(line));
    }

    /** Sets the input level. */
    public Future<?> set(int line, int level) {
        return submit(new SetLevel(line, level));
    }

    /** A rising edge: low (if it is not), then high. */
    public Future<?> risingEdge(int line) {
        return submit(Edge.rising(line));
    }

    /** A falling edge: high (if it is not), then low. */
    public Future<?> fallingEdge(int line) {
        return submit(Edge.falling(line));
    }

    /** High for {@code widthMicros}, then low. */
    public Future<?> pulse(int line, long widthMicros) {
        return submit(new Pulse(line, widthMicros));
    }

    /** {@code count} pulses of {@code widthMicros}, one every {@code periodMicros} (period greater than width). */
    public Future<?> pulseTrain(int line, int count, long widthMicros, long periodMicros) {
        return submit(new PulseTrain(line, count, periodMicros, widthMicros));
    }

    /** Contact bounce at random times: see {@link Bounce}. */
    public Future<?> bounce(int line, int transitions, long durationMicros) {
        return submit(new Bounce(line, transitions, durationMicros));
    }

    /**
     * Stops the timer thread. Stimuli still waiting are cancelled, so that whoever waits for one (a control
     * client's {@code pulse}) is told instead of waiting forever.
     */
    @Override
    public void close() {
        for (Runnable waiting : timer.shutdownNow()) {
            if (waiting instanceof Future<?> f) {
                f.cancel(false);
            }
        }
    }
}
