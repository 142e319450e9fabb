package io.vgpio.ui.stimulus;

import io.vgpio.core.stimulus.StimulusDefinition;
import java.util.function.Supplier;

/**
 * What is wrong with a stimulus the user is filling in, in the words of the core's definitions (the same rules and
 * messages as the control socket's), written as a sentence for a form or a dialog.
 */
public final class StimulusProblem {
    private StimulusProblem() {
    }

    /** Null if the definition can be made, else why not: "The period (5,000 µs) must be longer than ...". */
    public static String of(Supplier<? extends StimulusDefinition> define) {
        try {
            define.get();
            return null;
        } catch (IllegalArgumentException e) {
            return sentence(e.getMessage());
        }
    }

    /** Capitalised and ended with a full stop. */
    static String sentence(String message) {
        String m = message.isEmpty() ? "Not a valid stimulus" : message;
        return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
    }
}
