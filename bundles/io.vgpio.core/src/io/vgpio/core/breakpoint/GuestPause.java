package io.vgpio.core.breakpoint;

/**
 * Stops and resumes the guest's vCPUs (QEMU's QMP {@code stop} and {@code cont}) for a {@code pause-guest}
 * breakpoint. Both requests return at once (they may be called under the chip's monitor) and are carried out in
 * the order they were made.
 */
public interface GuestPause {
    /** True when the guest can be paused now (QMP is connected). */
    boolean connected();

    /** Asks the guest to stop. */
    void pause();

    /** Asks the guest to continue. */
    void resume();
}
