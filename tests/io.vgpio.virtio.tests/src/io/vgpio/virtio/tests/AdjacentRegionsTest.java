package io.vgpio.virtio.tests;

import static io.vgpio.virtio.tests.HeapRing.NEXT;
import static io.vgpio.virtio.tests.HeapRing.WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.GuestMemoryException;
import io.vgpio.virtio.VirtioConstants;
import io.vgpio.virtio.VirtioGpioDevice;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * F11 (issue 10, part 4): a buffer that runs from one memory region into the next, adjacent in guest-physical
 * space, is served, as QEMU's own backends do; a buffer that runs into a hole is not.
 */
class AdjacentRegionsTest {
    private static final int REGION = 64 * 1024;

    /** Two regions back to back at [0, 64K) and [64K, 128K), and a third after a hole, at 256K. */
    private static GuestMemory adjacent() {
        return new GuestMemory(List.of(new GuestMemory.Region(0, REGION, ByteBuffer.allocate(REGION)),
                new GuestMemory.Region(REGION, REGION, ByteBuffer.allocate(REGION)),
                new GuestMemory.Region(4L * REGION, REGION, ByteBuffer.allocate(REGION))));
    }

    /** A 4-line device whose request queue is ring. */
    private static VirtioGpioDevice device(HeapRing ring, VirtioGpioDevice.Notifier notifier) throws Exception {
        VirtioGpioDevice device = new VirtioGpioDevice(new Chip(DeviceConfig.builder().lines(4).build(),
                new EventLog(1024)));
        device.setDriverFeatures(1L << VirtioConstants.F_VERSION_1);
        device.startQueue(Protocol.REQUEST_QUEUE, ring.queue(false), notifier);
        return device;
    }

    @Test
    @DisplayName("F11: a GET_VALUE whose request straddles two adjacent regions is answered")
    void f11_request_crossing_adjacent_regions_is_served() throws Exception {
        GuestMemory mem = adjacent();
        HeapRing ring = new HeapRing(mem, 8);
        int[] wakeUps = {0};
        VirtioGpioDevice device = device(ring, () -> wakeUps[0]++);
        device.chip().setInput(2, 1, Cause.USER);

        long req = REGION - 4; // type and line in region 0's last 4 bytes, the value field in region 1
        mem.putU16(req, MessageType.GET_VALUE.wireValue());
        mem.putU16(req + 2, 2);
        long resp = REGION + 0x100;
        ring.desc(0, req, Protocol.REQUEST_SIZE, NEXT, 1);
        ring.desc(1, resp, Protocol.RESPONSE_SIZE, WRITE, 0);
        ring.publish(0);
        device.kick(Protocol.REQUEST_QUEUE);

        assertEquals(1, ring.usedIdx(), "the chain came back");
        assertEquals(0, ring.usedId(0));
        assertEquals(Protocol.RESPONSE_SIZE, ring.usedLen(0), "served, not returned with length 0");
        assertEquals(Protocol.STATUS_OK, mem.u8(resp));
        assertEquals(1, mem.u8(resp + 1), "line 2's level");
        assertEquals(1, wakeUps[0], "the driver was woken once");
    }

    @Test
    @DisplayName("F11: a response buffer that straddles two adjacent regions gets both bytes")
    void f11_response_crossing_adjacent_regions_is_written() throws Exception {
        GuestMemory mem = adjacent();
        HeapRing ring = new HeapRing(mem, 8);
        VirtioGpioDevice device = device(ring, () -> { });
        device.chip().setInput(3, 1, Cause.USER);

        long req = 0x8000;
        mem.putU16(req, MessageType.GET_VALUE.wireValue());
        mem.putU16(req + 2, 3);
        long resp = REGION - 1; // status in region 0's last byte, value in region 1's first
        mem.putU8(resp, 0xee);
        mem.putU8(resp + 1, 0xee);
        ring.desc(0, req, Protocol.REQUEST_SIZE, NEXT, 1);
        ring.desc(1, resp, Protocol.RESPONSE_SIZE, WRITE, 0);
        ring.publish(0);
        device.kick(Protocol.REQUEST_QUEUE);

        assertEquals(Protocol.RESPONSE_SIZE, ring.usedLen(0));
        assertEquals(Protocol.STATUS_OK, mem.u8(resp));
        assertEquals(1, mem.u8(resp + 1));
    }

    @Test
    @DisplayName("Reads and writes go piece by piece across adjacent regions, and never across a hole")
    void piecewise_access_and_holes() {
        GuestMemory mem = adjacent();
        byte[] data = {1, 2, 3, 4, 5, 6};
        mem.write(REGION - 3, data, 0, data.length);
        byte[] back = new byte[6];
        mem.read(REGION - 3, back, 0, back.length);
        assertArrayEquals(data, back);
        assertEquals(3, mem.u8(REGION - 1));
        assertEquals(4, mem.u8(REGION));

        assertTrue(mem.contains(REGION - 3, 6));
        assertFalse(mem.contains(2L * REGION - 3, 6), "region 1 ends in a hole");
        mem.putU8(2L * REGION - 1, 9);
        assertThrows(GuestMemoryException.class, () -> mem.write(2L * REGION - 3, data, 0, data.length));
        assertEquals(9, mem.u8(2L * REGION - 1), "a write that runs into a hole changes nothing");
    }
}
