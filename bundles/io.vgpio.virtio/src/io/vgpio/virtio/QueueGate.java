package io.vgpio.virtio;

import io.vgpio.core.Protocol;
import io.vgpio.core.breakpoint.HeldQueues;

/**
 * A breakpoint's hold on the device. Closed, it keeps the device from taking requests off the requestq (they wait in
 * the ring; the guest's driver blocks) and keeps the eventq completions the chip makes ({@link ParkedMessages}).
 * Nothing here blocks a thread: the connection thread returns from its kick at once and the guest waits for its
 * used ring. A step or continue, on whichever thread asks, does the held work under the chip's monitor and wakes
 * the driver after it is released ({@link DeferredWakeUps}), as an input change on any thread does.
 *
 * <p>Guarded by the chip's monitor.
 */
final class QueueGate implements HeldQueues {
    private final VirtioGpioDevice device;
    private final DeferredWakeUps wakeUps;
    private final ParkedMessages parked = new ParkedMessages();
    private boolean closed;
    /** True while a step or continue lets messages through a closed gate: they are not parked again. */
    private boolean releasing;

    QueueGate(VirtioGpioDevice device, DeferredWakeUps wakeUps) {
        this.device = device;
        this.wakeUps = wakeUps;
    }

    /** True while a breakpoint holds the device: no request is taken off the ring. */
    boolean closed() {
        return closed;
    }

    /** True when a decoded request or a completion has to wait (held, and not the one a step lets through). */
    boolean parks() {
        return closed && !releasing;
    }

    void park(ParkedMessages.Parked message) {
        parked.add(message);
    }

    void forgetQueue(boolean requestq) {
        parked.forgetQueue(requestq);
    }

    @Override
    public void hold() {
        closed = true;
    }

    @Override
    public long releaseOne() {
        releasing = true;
        try {
            ParkedMessages.Parked p = parked.poll();
            return p != null ? device.release(p) : device.takeOneRequest();
        } finally {
            releasing = false;
        }
    }

    @Override
    public void releaseAll() {
        closed = false;
        ParkedMessages.Parked p;
        while (!closed && (p = parked.poll()) != null) {
            device.release(p);
        }
        if (!closed) {
            device.kick(Protocol.REQUEST_QUEUE); // under the monitor: it only takes, the wake-up comes after
        }
    }

    @Override
    public void afterRelease() {
        wakeUps.run();
    }
}
