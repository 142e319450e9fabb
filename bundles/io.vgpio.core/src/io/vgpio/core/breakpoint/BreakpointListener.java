package io.vgpio.core.breakpoint;

/**
 * Hears what happens to a device's breakpoints (a Breakpoints view, a debug target). Every method may be called on
 * the thread that caused it (the guest's connection, a control client), under the chip's monitor: note the change
 * and return (a view posts to its display); read {@link Breakpoints} later, on your own thread.
 */
public interface BreakpointListener {
    /** A breakpoint was added, removed, enabled, disabled, or its hit count changed. */
    default void breakpointsChanged() {
    }

    /** The device is held now. */
    default void halted(Halt halt) {
    }

    /** The device runs again ({@code continue}). */
    default void resumed() {
    }
}
