package io.vgpio.core.stimulus;

/** The ranges of every stimulus parameter. Times are in microseconds; one minute is the longest anything lasts. */
public final class StimulusLimits {
    public static final String MICROS = "\u00b5s";
    public static final long MAX_MICROS = 60_000_000L;

    public static final Range PULSE_WIDTH = new Range("pulse width", 1, MAX_MICROS, MICROS);
    public static final Range TRAIN_COUNT = new Range("pulse count", 1, 100_000, "");
    /** At least 2: the line has to go low for a microsecond between two pulses of at least one. */
    public static final Range TRAIN_PERIOD = new Range("period", 2, MAX_MICROS, MICROS);
    public static final Range BOUNCE_TRANSITIONS = new Range("transition count", 1, 10_000, "");
    public static final Range BOUNCE_DURATION = new Range("bounce duration", 1, MAX_MICROS, MICROS);
    public static final Range LEVEL = new Range("level", 0, 1, "");

    private StimulusLimits() {
    }
}
