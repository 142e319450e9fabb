package io.vgpio.virtio;

import io.vgpio.virtio.VirtioGpioDevice.Notifier;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The I/O the device decides under the chip's monitor and does only after it is released, by whichever thread
 * releases it: waking the driver of a queue (a write to a descriptor the frontend chose, which may block) and telling
 * the transport that guest memory faulted. A frontend whose descriptor misbehaves must not stall everyone else who
 * uses the chip.
 */
final class DeferredWakeUps {
    private final Object monitor;
    /** Wake-ups decided under the monitor, one slot a queue. */
    private final AtomicReferenceArray<Notifier> toNotify = new AtomicReferenceArray<>(2);
    /** The transport to tell about a memory fault, with its detail; guarded by the monitor. */
    private Notifier faulted;
    private String faultDetail;

    /** @param monitor the chip, whose monitor every caller of the other methods holds */
    DeferredWakeUps(Object monitor) {
        this.monitor = monitor;
    }

    /** The driver of this queue is to be woken. Under the monitor. */
    void wake(int queue, Notifier notifier) {
        toNotify.set(queue, notifier);
    }

    /** The queue stopped: a wake-up still pending for it goes to a driver that is no longer there. */
    void forget(int queue) {
        toNotify.set(queue, null);
    }

    /** The transport is to hear of a memory fault; the first fault wins until it is told. Under the monitor. */
    void memoryFault(Notifier notifier, String detail) {
        if (faulted == null) {
            faulted = notifier;
            faultDetail = detail;
        }
    }

    /** Does the I/O decided so far. Never under the monitor: a nested call returns, the outermost caller does it. */
    void run() {
        if (Thread.holdsLock(monitor)) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            Notifier n = toNotify.getAndSet(i, null);
            if (n != null) {
                n.notifyDriver();
            }
        }
        Notifier f;
        String detail;
        synchronized (monitor) {
            f = faulted;
            detail = faultDetail;
            faulted = null;
        }
        if (f != null) {
            f.memoryFault(detail);
        }
    }
}
