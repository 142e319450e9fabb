package io.vgpio.core.stimulus;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;

/** Inverts the line's input level. */
public record Toggle(int line) implements StimulusDefinition {
    public Toggle {
        LINE.check(line);
    }

    @Override
    public void drive(Chip chip) {
        chip.setInput(line, 1 - chip.inputLevel(line), Cause.USER);
    }

    @Override
    public String describe() {
        return "toggle";
    }
}
