package io.vgpio.core.breakpoint;

/**
 * Hears what happens to a device's breakpoints (a Breakpoints view, a debug target). {@link #halted} and
 * {@link #resumed} may be called under the chip's monitor on the thread that caused them (the guest's connection):
 * note the change and return; read {@link Breakpoints} later, on your own thread.
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
