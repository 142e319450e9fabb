package io.vgpio.virtio.tests;

import static io.vgpio.virtio.tests.HeapRing.NEXT;
import static io.vgpio.virtio.tests.HeapRing.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.VirtioConstants;
import io.vgpio.virtio.VirtioGpioDevice;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * F1 (issue 10, part 4): waking the driver is a write to a descriptor the frontend chose, which may block; the
 * device does it only once the chip's monitor is released, so a blocked write never holds the chip.
 */
class WakeUpOutsideTheLockTest {
    private final GuestMemory mem = GuestMemory.ofHeap(64 * 1024);
    private final HeapRing requests = new HeapRing(mem, 8, 0);
    private final HeapRing events = new HeapRing(mem, 8, 0x4000);
    /** For each wake-up: whether the thread held the chip's monitor while waking the driver. */
    private final List<Boolean> lockHeld = new CopyOnWriteArrayList<>();
    private Chip chip;
    private VirtioGpioDevice device;

    @BeforeEach
    void start() throws Exception {
        chip = new Chip(DeviceConfig.builder().lines(2).build(), new EventLog(1024));
        device = new VirtioGpioDevice(chip);
        device.setDriverFeatures((1L << VirtioConstants.F_VERSION_1) | (1L << Protocol.F_IRQ));
        device.startQueue(Protocol.REQUEST_QUEUE, requests.queue(false), () -> lockHeld.add(Thread.holdsLock(chip)));
        device.startQueue(Protocol.EVENT_QUEUE, events.queue(false), () -> lockHeld.add(Thread.holdsLock(chip)));
    }

    @Test
    @DisplayName("F1: a requestq answer wakes the driver after the chip's monitor is released")
    void f1_requestq_wake_up_runs_without_the_chip_lock() {
        long req = 0x8000;
        mem.putU16(req, MessageType.GET_VALUE.wireValue());
        requests.desc(0, req, Protocol.REQUEST_SIZE, NEXT, 1);
        requests.desc(1, req + 8, Protocol.RESPONSE_SIZE, WRITE, 0);
        requests.publish(0);
        device.kick(Protocol.REQUEST_QUEUE);
        assertEquals(1, requests.usedIdx(), "answered");
        assertEquals(List.of(false), lockHeld, "one wake-up, with the monitor released");
    }

    @Test
    @DisplayName("F1: an input change that completes an eventq buffer wakes the driver after releasing the monitor")
    void f1_eventq_wake_up_from_set_input_runs_without_the_chip_lock() {
        chip.guestSetIrqType(0, IrqType.EDGE_RISING);
        long irq = 0x9000;
        mem.putU16(irq, 0);
        events.desc(0, irq, Protocol.IRQ_REQUEST_SIZE, NEXT, 1);
        events.desc(1, irq + 2, Protocol.IRQ_RESPONSE_SIZE, WRITE, 0);
        events.publish(0);
        device.kick(Protocol.EVENT_QUEUE);
        assertEquals(0, events.usedIdx(), "held until the line rises");
        chip.setInput(0, 1, Cause.USER);
        assertEquals(1, events.usedIdx(), "completed on the thread that changed the line");
        assertEquals(Protocol.IRQ_STATUS_VALID, mem.u8(irq + 2));
        assertEquals(List.of(false), lockHeld, "one wake-up, with the monitor released");
    }
}
