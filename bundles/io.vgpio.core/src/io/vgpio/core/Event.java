package io.vgpio.core;

/**
 * One immutable fact of the event log. {@code seq} numbers every event appended since the log was made;
 * {@code timeNanos} is a monotonic timestamp ({@link System#nanoTime()} base). Field meanings: {@link EventKind}.
 */
public record Event(long seq, long timeNanos, EventKind kind, int line, long a, long b) {
    /** Line value used when an event concerns no particular line. */
    public static final int NO_LINE = -1;
}
