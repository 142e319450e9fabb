package io.vgpio.virtio;

import java.util.ArrayDeque;

/**
 * What a held device decoded but has not let go: requests it took off the ring before the hold (the one that hit,
 * above all) and eventq completions the chip made while it was held. Oldest first, so a step releases them in the
 * order they happened. Guarded by the chip's monitor, like the device.
 */
final class ParkedMessages {
    /** One message waiting for the hold to end. */
    sealed interface Parked permits Request, Completion {
    }

    /** A decoded request, to be answered on release. */
    record Request(DescriptorChain chain, GpioRequest request, long receivedNanos) implements Parked {
    }

    /**
     * An eventq buffer the chip completed; its chain stays in the device's held chains until release.
     *
     * @param seq the INTERRUPT or BUFFER_INVALID event that recorded the completion
     */
    record Completion(int line, int head, boolean valid, long seq) implements Parked {
    }

    private final ArrayDeque<Parked> waiting = new ArrayDeque<>();

    void add(Parked p) {
        waiting.add(p);
    }

    /** The oldest waiting message, taken; null if none. */
    Parked poll() {
        return waiting.poll();
    }

    /**
     * A queue stopped: what waited for it belongs to a ring that is gone.
     *
     * @return how many messages were forgotten
     */
    int forgetQueue(boolean requestq) {
        int before = waiting.size();
        waiting.removeIf(p -> requestq ? p instanceof Request : p instanceof Completion);
        return before - waiting.size();
    }
}
