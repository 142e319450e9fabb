package io.vgpio.core.stimulus;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.Stimulus;
import java.util.Locale;

/** High for {@code widthMicros}, then low. */
public record Pulse(int line, long widthMicros) implements StimulusDefinition {
    public Pulse {
        LINE.check(line);
        StimulusLimits.PULSE_WIDTH.check(widthMicros);
    }

    /** A pulse of {@link StimulusDefaults#PULSE_WIDTH_US}. */
    public static Pulse withDefaults(int line) {
        return new Pulse(line, StimulusDefaults.PULSE_WIDTH_US);
    }

    @Override
    public void drive(Chip chip) {
        long start = System.nanoTime();
        chip.setInput(line, 1, Cause.USER, start);
        Stimulus.waitUntilOrInterrupted(start + widthMicros * 1000L);
        chip.setInput(line, 0, Cause.USER); // low again even when cut short: a closing device leaves no line high
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "pulse of %,d %s", widthMicros, StimulusLimits.MICROS);
    }
}
