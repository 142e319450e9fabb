package io.vgpio.core.stimulus;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;

/**
 * A single edge: for a rising one the line goes low (if it is not), then high; a falling one the other way round.
 * Going to the starting level first makes the edge happen whatever the level was.
 */
public record Edge(int line, boolean rising) implements StimulusDefinition {
    public Edge {
        LINE.check(line);
    }

    public static Edge rising(int line) {
        return new Edge(line, true);
    }

    public static Edge falling(int line) {
        return new Edge(line, false);
    }

    @Override
    public void drive(Chip chip) {
        int to = rising ? 1 : 0;
        chip.setInput(line, 1 - to, Cause.USER);
        chip.setInput(line, to, Cause.USER);
    }

    @Override
    public String describe() {
        return rising ? "rising edge" : "falling edge";
    }
}
