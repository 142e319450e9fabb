package io.vgpio.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Precise waits for timed input changes (microsecond accuracy; parks, then spins the last stretch). The stimuli
 * themselves are the definitions of {@code io.vgpio.core.stimulus}.
 */
public final class Stimulus {
    /** Below this much time left, spin instead of parking (the kernel's timer slack is ~50 us). */
    private static final long SPIN_NANOS = 200_000;

    private Stimulus() {
    }

    /** Waits until System.nanoTime() reaches deadline. */
    public static void waitUntil(long deadline) {
        waitUntil(deadline, false);
    }

    /**
     * Waits until System.nanoTime() reaches deadline, or until the thread is interrupted (a stimulus scheduler
     * being closed): then it returns false at once, the interrupt still set, instead of spinning out the wait.
     */
    public static boolean waitUntilOrInterrupted(long deadline) {
        return waitUntil(deadline, true);
    }

    private static boolean waitUntil(long deadline, boolean interruptible) {
        while (true) {
            if (interruptible && Thread.currentThread().isInterrupted()) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
