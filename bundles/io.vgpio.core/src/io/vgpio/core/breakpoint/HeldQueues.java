package io.vgpio.core.breakpoint;

/**
 * The device's side of a hold, implemented by the virtio device: while held it takes no request off the requestq
 * and completes no eventq buffer; the messages it had already decoded wait, in order, until released. Every method
 * but {@link #afterRelease()} runs under the chip's monitor.
 */
public interface HeldQueues {
    /** Closes the gate: from now on, requests wait in the ring and completions wait in the device. */
    void hold();

    /**
     * Releases exactly one waiting message: the oldest decoded one, or else the next request in the ring. The gate
     * stays closed.
     *
     * @return the sequence number of the event that records the release (the RESPONSE, or the INTERRUPT or
     *         BUFFER_INVALID of a completion), or -1 when nothing was waiting
     */
    long releaseOne();

    /**
     * Opens the gate and releases everything waiting, in order; stops early when a released message closes the
     * gate again (it hit a breakpoint).
     */
    void releaseAll();

    /** Wakes the driver for what the releases returned. Called after the chip's monitor is released. */
    void afterRelease();
}
