package io.vgpio.core.stimulus;

import io.vgpio.core.Chip;

/**
 * One stimulus with its parameters: what the Stimulus view, the schematic's context menu and the control socket
 * hand to the device's {@link StimulusScheduler}. Each is an immutable value checked when it is made (an
 * {@link IllegalArgumentException} names the bad value and the allowed range), so whoever builds one from user
 * input gets the same rules and the same message.
 */
public sealed interface StimulusDefinition permits SetLevel, Toggle, Edge, Pulse, PulseTrain, Bounce {
    /** Lines are numbered from 0; whether the chip has this one is the chip's to say when it is driven. */
    Range LINE = new Range("line", 0, Integer.MAX_VALUE, "");

    /** The line it drives. */
    int line();

    /**
     * Makes the changes on the chip, all with {@link io.vgpio.core.Cause#USER}, and returns when the last one is
     * made. The scheduler calls it on its timer thread, one definition after another.
     */
    void drive(Chip chip);

    /** What it does, in a few words for a status line: "pulse of 2,000 µs". */
    String describe();
}
