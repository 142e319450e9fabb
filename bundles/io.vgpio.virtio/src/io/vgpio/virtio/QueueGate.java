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
    /** True while a step lets a request through the closed gate: it is answered, not parked again. */
    private boolean releasingRequest;
    /** True while a step lets a completion through; a completion the stepped request causes still waits. */
    private boolean releasingCompletion;
    /** Requests rewound at the last ring stop that the frontend has not offered again yet. */
    private int replays;
    private int replayBase = -1;

    QueueGate(VirtioGpioDevice device, DeferredWakeUps wakeUps) {
        this.device = device;
        this.wakeUps = wakeUps;
    }

    /** True while a breakpoint holds the device: no request is taken off the ring. */
    boolean closed() {
        return closed;
    }

    /** True when a decoded request has to wait (held, and not the one a step lets through). */
    boolean parksRequest() {
        return closed && !releasingRequest;
    }

    /** True when an eventq completion has to wait (held, and not the one a step lets through). */
    boolean parksCompletion() {
        return closed && !releasingCompletion;
    }

    void park(ParkedMessages.Parked message) {
        parked.add(message);
    }

    /** The eventq stopped: the completions that waited belong to a ring that is gone. */
    void forgetCompletions() {
        parked.forgetQueue(false);
    }

    /**
     * The requestq stopped while requests waited here. QEMU stops the rings when it stops the VM (pause-guest's
     * {@code stop}) and starts them again at the base we report: reporting the base before the waiting requests
     * (they are the last taken: nothing is taken while held) makes the frontend offer them again on restart, so
     * they are answered then instead of lost.
     *
     * @param nextAvail where the ring stopped
     * @return the base to report
     */
    int rewind(int nextAvail) {
        replays = parked.forgetQueue(true);
        replayBase = (nextAvail - replays) & 0xffff;
        return replayBase;
    }

    /** The requestq starts at this base: the requests offered again are the rewound ones only if it is ours. */
    void restarted(int nextAvail) {
        if (nextAvail != replayBase) {
            replays = 0;
        }
    }

    /** True for a request the frontend offers again after {@link #rewind}: it is answered, not recorded again. */
    boolean replay() {
        if (replays == 0) {
            return false;
        }
        replays--;
        return true;
    }

    /** The device was reset: nothing is offered again. */
    void reset() {
        replays = 0;
        replayBase = -1;
    }

    @Override
    public void hold() {
        closed = true;
    }

    @Override
    public long releaseOne() {
        ParkedMessages.Parked p = parked.poll();
        boolean completion = p instanceof ParkedMessages.Completion;
        releasingRequest = !completion;
        releasingCompletion = completion;
        try {
            return p != null ? device.release(p) : device.takeOneRequest();
        } finally {
            releasingRequest = false;
            releasingCompletion = false;
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
