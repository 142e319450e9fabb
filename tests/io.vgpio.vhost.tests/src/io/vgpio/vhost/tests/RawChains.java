package io.vgpio.vhost.tests;

import io.vgpio.driver.DriverQueue;
import io.vgpio.driver.GpioDriver;
import io.vgpio.virtio.GuestMemory;
import java.util.List;

/**
 * What no real driver does, for the tests that hand the device malformed rings on purpose: hand-made chains whose
 * descriptors are given back once the device returns them, heads out of range, and an available index that jumps.
 * Kept here rather than in the product's driver, whose API stays what a driver needs.
 */
final class RawChains {
    private RawChains() {
    }

    /**
     * Publishes a hand-made chain on a queue, kicks, and waits for the device to return it.
     *
     * @param ids the descriptors the chain used (from {@link DriverQueue#takeDescriptor}), given back once it returns
     * @return the returned chain, or null if none came back within 3 s
     */
    static DriverQueue.Used send(GpioDriver driver, int queue, int head, List<Integer> ids) throws Exception {
        DriverQueue q = queue == 0 ? driver.requestQueue() : driver.eventQueue();
        q.republish(head);
        driver.kick(queue);
        DriverQueue.Used u = driver.awaitUsed(queue, 3000);
        if (u != null) {
            q.release(ids);
        }
        return u;
    }

    /** Makes a head that is no descriptor at all (index {@code head} &ge; the queue size) available, without kicking. */
    static void publishBadHead(DriverQueue q, int head) {
        q.republish(head);
    }

    /**
     * Writes the available ring's index as a driver that jumps it would. The driver's own count is left behind, so
     * only a restart of the rings ({@link GpioDriver#restart}) makes the queue usable again.
     */
    static void forceAvailIndex(GpioDriver driver, DriverQueue q, int idx) {
        GuestMemory mem = driver.memory();
        mem.putU16(q.availAddr() + 2, idx & 0xffff);
    }
}
