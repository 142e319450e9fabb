package io.vgpio.core.stimulus;

/**
 * The parameters a stimulus starts with wherever it is offered (the Stimulus view, the schematic's context menu,
 * the control socket's optional arguments). Times are in microseconds.
 */
public final class StimulusDefaults {
    public static final long PULSE_WIDTH_US = 1000;
    /** Slow enough to watch on the schematic and the waveform: ten blinks in two seconds. */
    public static final int TRAIN_COUNT = 10;
    public static final long TRAIN_PERIOD_US = 200_000;
    public static final long TRAIN_WIDTH_US = TRAIN_PERIOD_US / 2;
    /**
     * A typical mechanical contact: a handful of transitions within a few milliseconds. Odd, so that the line
     * settles at the opposite of the level it started from, as a switch that was flipped.
     */
    public static final int BOUNCE_TRANSITIONS = 7;
    public static final long BOUNCE_DURATION_US = 5_000;

    private StimulusDefaults() {
    }
}
