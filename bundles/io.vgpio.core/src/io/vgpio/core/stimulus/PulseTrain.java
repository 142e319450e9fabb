package io.vgpio.core.stimulus;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.Stimulus;
import java.util.Locale;

/**
 * {@code count} pulses of {@code widthMicros}, one starting every {@code periodMicros}. The period must be longer
 * than the width, or the line would never go low between pulses.
 */
public record PulseTrain(int line, int count, long periodMicros, long widthMicros) implements StimulusDefinition {
    public PulseTrain {
        LINE.check(line);
        StimulusLimits.TRAIN_COUNT.check(count);
        StimulusLimits.TRAIN_PERIOD.check(periodMicros);
        StimulusLimits.PULSE_WIDTH.check(widthMicros);
        if (widthMicros >= periodMicros) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the period (%,d %s) must be longer than"
                    + " the width (%,d %s): the line goes low between pulses", periodMicros, StimulusLimits.MICROS,
                    widthMicros, StimulusLimits.MICROS));
        }
    }

    /** A train of the shared defaults. */
    public static PulseTrain withDefaults(int line) {
        return new PulseTrain(line, StimulusDefaults.TRAIN_COUNT, StimulusDefaults.TRAIN_PERIOD_US,
                StimulusDefaults.TRAIN_WIDTH_US);
    }

    /** Pulses of half the period (rounded down), as the control socket's {@code train} without a width. */
    public static PulseTrain halfPeriod(int line, int count, long periodMicros) {
        return new PulseTrain(line, count, periodMicros, periodMicros / 2);
    }

    @Override
    public void drive(Chip chip) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long at = start + i * periodMicros * 1000L;
            if (!Stimulus.waitUntilOrInterrupted(at)) {
                return; // the scheduler is closing
            }
            chip.setInput(line, 1, Cause.USER); // stamped when it happened, not when it was planned
            Stimulus.waitUntilOrInterrupted(at + widthMicros * 1000L);
            chip.setInput(line, 0, Cause.USER);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "pulse train of %,d \u00d7 %,d %s every %,d %s", count, widthMicros,
                StimulusLimits.MICROS, periodMicros, StimulusLimits.MICROS);
    }
}
