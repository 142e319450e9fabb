package io.vgpio.virtio;

import io.vgpio.core.Protocol;
import io.vgpio.virtio.SplitVirtqueue.RingAddresses;

/**
 * Tells a VM stop from a driver reset. QEMU stops a vhost-user device's rings (GET_VRING_BASE) both when it stops
 * the VM (QMP {@code stop}, a breakpoint's pause-guest, the Debug view's Suspend) and when the guest resets the
 * device. After a VM stop it starts the same rings again at the bases the device reported; after a reset, the
 * driver sets up new rings from index 0. Only the first keeps the guest's view of the lines (directions, IRQ types,
 * the eventq buffers it handed over), so the device decides when the rings start again, not when they stop.
 *
 * <p>Guarded by the chip's monitor, like the device.
 */
final class RingPause {
    private record Stopped(int base, RingAddresses addresses) {
    }

    private final Stopped[] stopped = new Stopped[2];

    /** A ring stopped at {@code reportedBase} (the base the device reported for it). */
    void stopped(int index, int reportedBase, SplitVirtqueue q) {
        stopped[index] = new Stopped(reportedBase & 0xffff, q.addresses());
    }

    /** True if some ring stopped and has not started again. */
    boolean pending() {
        return stopped[Protocol.REQUEST_QUEUE] != null || stopped[Protocol.EVENT_QUEUE] != null;
    }

    /**
     * A ring starts: true if it continues the ring that stopped (same place in guest memory, same size, at the
     * reported base), false if it is a new one. Either way the stop is settled for that ring.
     */
    boolean continues(int index, SplitVirtqueue q) {
        Stopped s = stopped[index];
        stopped[index] = null;
        return s != null && s.base() == q.nextAvail() && s.addresses().equals(q.addresses());
    }

    /** The device was reset or the frontend left: nothing continues. */
    void clear() {
        stopped[Protocol.REQUEST_QUEUE] = null;
        stopped[Protocol.EVENT_QUEUE] = null;
    }
}
