package io.vgpio.core.stimulus;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.Stimulus;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Contact bounce: {@code transitions} level changes at random times within {@code durationMicros}, ending at the
 * opposite of the level it started from when the count is odd (as a switch that settles). With a seed the times
 * are the same on every run, so a bounce that upset a debouncer can be played again; without one they differ
 * each time.
 */
public record Bounce(int line, int transitions, long durationMicros, OptionalLong seed) implements StimulusDefinition {
    public Bounce {
        LINE.check(line);
        StimulusLimits.BOUNCE_TRANSITIONS.check(transitions);
        StimulusLimits.BOUNCE_DURATION.check(durationMicros);
        if (transitions > durationMicros) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d transitions do not fit in %,d %s:"
                    + " allow at least 1 %s each", transitions, durationMicros, StimulusLimits.MICROS,
                    StimulusLimits.MICROS));
        }
        if (seed == null) {
            throw new IllegalArgumentException("the seed is missing: use OptionalLong.empty() for a random bounce");
        }
    }

    /** A bounce at random times, different on every run. */
    public Bounce(int line, int transitions, long durationMicros) {
        this(line, transitions, durationMicros, OptionalLong.empty());
    }

    /** A bounce of the shared defaults, at random times. */
    public static Bounce withDefaults(int line) {
        return new Bounce(line, StimulusDefaults.BOUNCE_TRANSITIONS, StimulusDefaults.BOUNCE_DURATION_US);
    }

    /**
     * When the level changes, in nanoseconds after the bounce starts, in order. The same seed gives the same times;
     * without a seed they are drawn anew on every call.
     */
    public long[] offsetsNanos() {
        Random random = seed.isPresent() ? new Random(seed.getAsLong()) : new Random();
        long[] offsets = new long[transitions];
        for (int i = 0; i < transitions; i++) {
            offsets[i] = (long) (random.nextDouble() * durationMicros * 1000L);
        }
        Arrays.sort(offsets);
        return offsets;
    }

    @Override
    public void drive(Chip chip) {
        long[] offsets = offsetsNanos();
        long start = System.nanoTime();
        for (long off : offsets) {
            if (!Stimulus.waitUntilOrInterrupted(start + off)) {
                return; // the scheduler is closing
            }
            chip.setInput(line, 1 - chip.inputLevel(line), Cause.USER);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bounce: %,d transitions over %,d %s%s", transitions, durationMicros,
                StimulusLimits.MICROS, seed.isPresent() ? " (seed " + seed.getAsLong() + ")" : "");
    }
}
