package io.vgpio.core.stimulus;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;

/** Drives the line's input to a level (0 or 1). */
public record SetLevel(int line, int level) implements StimulusDefinition {
    public SetLevel {
        LINE.check(line);
        StimulusLimits.LEVEL.check(level);
    }

    @Override
    public void drive(Chip chip) {
        chip.setInput(line, level, Cause.USER);
    }

    @Override
    public String describe() {
        return level == 1 ? "set high" : "set low";
    }
}
