package io.vgpio.core.control;

import io.vgpio.core.Chip;
import io.vgpio.core.stimulus.Bounce;
import io.vgpio.core.stimulus.Edge;
import io.vgpio.core.stimulus.Pulse;
import io.vgpio.core.stimulus.PulseTrain;
import io.vgpio.core.stimulus.StimulusDefinition;
import io.vgpio.core.stimulus.StimulusLimits;
import io.vgpio.core.stimulus.StimulusScheduler;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The control socket's timed stimuli: {@code pulse}, {@code edge}, {@code train}, {@code bounce}. They are built
 * as the shared {@link StimulusDefinition}s (same ranges, defaults and messages as the workbench's) and queued on
 * the device's one {@link StimulusScheduler}, so they run one after another with the stimuli of the view, the
 * schematic and other clients. {@code pulse} answers once its pulse is over, as it always has; the others answer
 * {@code ok} as soon as they are queued.
 */
final class StimulusCommands {
    static final List<String> NAMES = List.of("pulse", "edge", "train", "bounce");
    static final String USAGE = "pulse LINE MICROSECONDS; edge LINE rising|falling;"
            + " train LINE COUNT PERIOD_US [WIDTH_US]; bounce LINE TRANSITIONS DURATION_US [SEED]";

    private final Chip chip;
    private final Supplier<StimulusScheduler> scheduler;

    /** @param scheduler the device's scheduler, asked for only when a stimulus is queued */
    StimulusCommands(Chip chip, Supplier<StimulusScheduler> scheduler) {
        this.chip = chip;
        this.scheduler = scheduler;
    }

    /** Runs {@code command}, one of {@link #NAMES}; {@code t} are the words of the line, the command first. */
    String run(String command, String[] t) throws BadCommand {
        return switch (command) {
            case "pulse" -> pulse(t);
            case "edge" -> edge(t);
            case "train" -> train(t);
            case "bounce" -> bounce(t);
            default -> throw new IllegalArgumentException(command + " is not a stimulus command");
        };
    }

    /** {@code pulse LINE MICROSECONDS}: answers when the pulse is over; its messages are the ones it always had. */
    private String pulse(String[] t) throws BadCommand {
        Arguments.need(t, 3, "pulse LINE MICROSECONDS");
        int line = Arguments.line(chip, t, 1, t.length - 1);
        String s = t[t.length - 1];
        long us;
        try {
            us = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadCommand("pulse width must be a whole number of microseconds, not '" + s + "'");
        }
        if (!StimulusLimits.PULSE_WIDTH.contains(us)) {
            throw new BadCommand("pulse width must be from " + StimulusLimits.PULSE_WIDTH.min() + " to "
                    + StimulusLimits.PULSE_WIDTH.max() + " microseconds");
        }
        awaitEnd(queue(new Pulse(line, us)));
        return "ok";
    }

    /** {@code edge LINE rising|falling}. */
    private String edge(String[] t) throws BadCommand {
        Arguments.need(t, 3, "edge LINE rising|falling");
        int line = Arguments.line(chip, t, 1, t.length - 1);
        String which = t[t.length - 1];
        boolean rising = switch (which) {
            case "rising" -> true;
            case "falling" -> false;
            default -> throw new BadCommand("an edge is rising or falling, not '" + which + "'");
        };
        queue(new Edge(line, rising));
        return "ok";
    }

    /** {@code train LINE COUNT PERIOD_US [WIDTH_US]}: without a width, the pulses last half the period. */
    private String train(String[] t) throws BadCommand {
        long[] v = lineAndNumbers(t, "train LINE COUNT PERIOD_US [WIDTH_US]", "COUNT", "PERIOD_US", "WIDTH_US");
        int line = (int) v[0];
        queue(define(() -> v.length == 3
                ? PulseTrain.halfPeriod(line, StimulusLimits.TRAIN_COUNT.checkInt(v[1]), v[2])
                : new PulseTrain(line, StimulusLimits.TRAIN_COUNT.checkInt(v[1]), v[2], v[3])));
        return "ok";
    }

    /** {@code bounce LINE TRANSITIONS DURATION_US [SEED]}: with a seed, the same bounce every time. */
    private String bounce(String[] t) throws BadCommand {
        long[] v = lineAndNumbers(t, "bounce LINE TRANSITIONS DURATION_US [SEED]", "TRANSITIONS", "DURATION_US",
                "SEED");
        OptionalLong seed = v.length == 4 ? OptionalLong.of(v[3]) : OptionalLong.empty();
        queue(define(() -> new Bounce((int) v[0], StimulusLimits.BOUNCE_TRANSITIONS.checkInt(v[1]), v[2], seed)));
        return "ok";
    }

    /**
     * {@code COMMAND LINE FIRST SECOND [OPTIONAL]}: the line, then the two or three whole numbers given (named in
     * their messages as in the usage). Their ranges are the definitions' to check.
     */
    private long[] lineAndNumbers(String[] t, String usage, String... names) throws BadCommand {
        Arguments.need(t, 4, usage);
        int after = wordsAfterLine(t, 2);
        int at = t.length - after;
        long[] v = new long[1 + after];
        v[0] = Arguments.line(chip, t, 1, at);
        for (int i = 0; i < after; i++) {
            v[1 + i] = Arguments.wholeNumber(t[at + i], names[i]);
        }
        return v;
    }

    /**
     * How many words follow the line: {@code required + 1} when the optional last argument was given, else
     * {@code required}. A line name may contain spaces, so the optional argument counts as given when the words
     * before the last {@code required + 1} still name a line.
     */
    private int wordsAfterLine(String[] t, int required) {
        int withOptional = required + 1;
        return Arguments.namesLine(chip, t, 1, t.length - withOptional) ? withOptional : required;
    }

    /** The definition, or its complaint (the value and the allowed range) as the answer. */
    private static StimulusDefinition define(Supplier<StimulusDefinition> make) throws BadCommand {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new BadCommand(e.getMessage());
        }
    }

    private Future<?> queue(StimulusDefinition stimulus) throws BadCommand {
        try {
            return scheduler.get().submit(stimulus);
        } catch (RejectedExecutionException e) {
            throw new BadCommand("the device is stopping: no more stimuli");
        }
    }

    private static void awaitEnd(Future<?> done) throws BadCommand {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadCommand("interrupted before the stimulus was over");
        } catch (CancellationException e) {
            throw new BadCommand("the device stopped before the stimulus was over");
        } catch (ExecutionException e) {
            throw new BadCommand("the stimulus failed: " + e.getCause().getMessage());
        }
    }
}
