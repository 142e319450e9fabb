package io.vgpio.core;

import java.util.concurrent.locks.LockSupport;

/** Timed input changes: pulses and precise waits (microsecond accuracy; parks, then spins the last stretch). */
public final class Stimulus {
    /** Below this much time left, spin instead of parking (the kernel's timer slack is ~50 us). */
    private static final long SPIN_NANOS = 200_000;

    private Stimulus() {
    }

    /** Drives a line high for {@code micros}, then low; returns when the pulse is over. */
    public static void pulse(Chip chip, int line, long micros, Cause cause) {
        long start = System.nanoTime();
        chip.setInput(line, 1, cause, start);
        waitUntil(start + micros * 1000L);
        chip.setInput(line, 0, cause);
    }

    /** Waits until System.nanoTime() reaches deadline. */
    public static void waitUntil(long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
