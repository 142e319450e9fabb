package io.vgpio.virtio;

import java.util.function.Supplier;

/**
 * A requestq message whose answer comes later: a handler returned {@link Reply#later()} and got this from the device
 * ({@link RequestHandler#parked}). The chain stays out of the used ring, so the guest's driver waits for it, while
 * the device goes on with the requests behind it. {@link #answer} writes the reply from any thread.
 *
 * <p>One answer per request: later calls do nothing. If the frontend stopped the queue meanwhile (disconnect, guest
 * reset), the ring is gone and the answer is dropped without asking for the reply.
 */
public final class ParkedRequest {
    private final VirtioGpioDevice device;
    private final SplitVirtqueue queue;
    private final DescriptorChain chain;
    private final GpioRequest request;
    private final int line;
    private final long receivedNanos;
    /** Guarded by the chip's monitor. */
    private boolean answered;

    ParkedRequest(VirtioGpioDevice device, SplitVirtqueue queue, DescriptorChain chain, GpioRequest request, int line,
            long receivedNanos) {
        this.device = device;
        this.queue = queue;
        this.chain = chain;
        this.request = request;
        this.line = line;
        this.receivedNanos = receivedNanos;
    }

    /** The decoded message. */
    public GpioRequest request() {
        return request;
    }

    /**
     * Answers the request now: takes the chip's monitor, asks {@code reply} for the answer (so an operation the
     * reply applies, such as {@code inner.answer(request())}, happens at this moment, in the log's order), writes it,
     * returns the chain and, after releasing the monitor, wakes the driver. Do not call it while holding the chip's
     * monitor: the wake-up would wait for whoever releases it next.
     */
    public void answer(Supplier<Reply> reply) {
        device.answerParked(this, reply);
    }

    SplitVirtqueue queue() {
        return queue;
    }

    DescriptorChain chain() {
        return chain;
    }

    int line() {
        return line;
    }

    long receivedNanos() {
        return receivedNanos;
    }

    /** Marks it answered; false if it was already. Under the chip's monitor. */
    boolean claim() {
        if (answered) {
            return false;
        }
        answered = true;
        return true;
    }
}
