package io.vgpio.virtio;

/**
 * The seam between a decoded message and the chip that answers it. {@link VirtioGpioDevice} takes buffers off the
 * queues, decodes them, lets the {@link DriverRuleChecker} look at them, and then hands them to a RequestHandler;
 * whatever it returns is what the guest reads. {@link ChipRequestHandler} is the one that asks the chip.
 *
 * <p>This is where a fault injector stands between guest and chip: a handler that returns another {@link Reply}
 * (ERR, a wrong value) or drops an eventq buffer. Breakpoints do not stand here: a handler must answer at once, and
 * a held request waits instead, behind the device's {@link QueueGate}.
 * Install one with {@link VirtioGpioDevice#VirtioGpioDevice(io.vgpio.core.Chip, java.util.function.UnaryOperator)}.
 *
 * <p>Threading: both methods run under the chip's monitor, on the thread that kicked the queue (the frontend's
 * connection thread, or a test). They must not block on I/O or wait for another thread that needs the chip;
 * the driver is woken only after they return and the monitor is released.
 */
public interface RequestHandler {
    /**
     * Answers a requestq message.
     *
     * @param request the message; its type and line are not checked yet, so a handler must take any
     * @return the response to write; never null
     */
    Reply answer(GpioRequest request);

    /**
     * The guest queued an eventq buffer for a line in range (unmask); the buffer comes back later through the chip's
     * interrupt sink, marked with {@code token}.
     */
    void unmask(int line, long token);

    /**
     * The device kept a request this handler answered {@link Reply#later()}: answer it with
     * {@link ParkedRequest#answer} when it is time (a fault's delay, a hung request released, a breakpoint's hold
     * resumed). Under the chip's monitor, on the connection thread, like {@link #answer}.
     */
    default void parked(ParkedRequest request) {
        throw new IllegalStateException(getClass().getName() + " answered Reply.later() but takes no parked request");
    }
}
