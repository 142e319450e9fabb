package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_DIRECTION;
import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static io.vgpio.core.MessageType.SET_VALUE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.driver.DriverQueue;
import io.vgpio.driver.GpioDriver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per device-normative statement of "Device Types / GPIO Device / requestq Operation" (VIRTIO 1.2/1.3),
 * run against the real backend over its socket with the Java driver (io.vgpio.driver).
 */
class RequestqConformanceTest {

    @Test
    @DisplayName("requestq Operation: The device MUST set all the fields of the struct virtio_gpio_response before sending it back")
    void requestq_MUST_set_all_fields_of_the_response() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            // The driver poisons both response bytes (0xee); each answer must overwrite status and value.
            f.host.chip().setInput(1, 1, Cause.USER);
            assertResponse(f, SET_VALUE, 0, 1, 0, 0);
            assertResponse(f, SET_DIRECTION, 0, Direction.OUT.wireValue(), 0, 0);
            assertResponse(f, GET_DIRECTION, 0, 0, 0, Direction.OUT.wireValue());
            assertResponse(f, GET_VALUE, 0, 0, 0, 1);
            assertResponse(f, SET_DIRECTION, 1, Direction.IN.wireValue(), 0, 0);
            assertResponse(f, GET_VALUE, 1, 0, 0, 1);
            assertResponse(f, SET_IRQ_TYPE, 1, IrqType.EDGE_BOTH.wireValue(), 0, 0);
            // Failures set both fields too: status ERR, value 0.
            assertResponse(f, GET_VALUE, 7, 0, 1, 0);
            assertResponse(f, SET_VALUE, 0, 5, 1, 0);
        }
    }

    private static void assertResponse(DeviceFixture f, MessageType t, int line, long value, int status, int result)
            throws Exception {
        GpioDriver.Response r = f.req(t, line, value);
        assertEquals(status, r.status(), t + " status");
        assertEquals(result, r.value(), t + " value");
        assertEquals(2, r.usedLen(), t + " used length");
    }

    @Test
    @DisplayName("requestq Operation: The device MUST set all the fields of the struct virtio_gpio_config on receiving a configuration request")
    void requestq_MUST_set_all_fields_of_the_config() throws Exception {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.builder().lines(300).namesList("a,b").build())) {
            byte[] cfg = f.driver.frontend().getConfig(0, 8);
            assertEquals(8, cfg.length);
            assertEquals(300, (cfg[0] & 0xff) | (cfg[1] & 0xff) << 8, "ngpio");
            assertEquals(0, cfg[2], "padding[0] is zero");
            assertEquals(0, cfg[3], "padding[1] is zero");
            assertEquals(4 + 298, f.driver.namesSize(), "gpio_names_size");
            // Only the requested slice comes back.
            byte[] slice = f.driver.frontend().getConfig(4, 4);
            assertArrayEquals(new byte[] {cfg[4], cfg[5], cfg[6], cfg[7]}, slice);
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST set gpio_names_size to zero if it doesn't implement names")
    void requestq_MUST_set_gpio_names_size_zero_without_names() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8)) {
            assertEquals(0, f.driver.namesSize());
            assertEquals(8, f.driver.ngpio());
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST set gpio_names_size to the size of the names block; strings zero-terminated and unique")
    void requestq_MUST_set_gpio_names_size_to_the_block_size_zero_terminated_unique() throws Exception {
        // The spec's own example: names for lines 0, 5 and 7 of 10.
        DeviceConfig c = DeviceConfig.builder().lines(10).name(0, "MMC-CD").name(5, "Red LED Vdd")
                .name(7, "ethernet reset").build();
        try (DeviceFixture f = new DeviceFixture(c)) {
            byte[] expected = ("MMC-CD\0" + "\0\0\0\0" + "Red LED Vdd\0" + "\0" + "ethernet reset\0" + "\0\0")
                    .getBytes(StandardCharsets.US_ASCII);
            assertEquals(expected.length, f.driver.namesSize());
            String[] names = f.driver.lineNames(); // checks used length 1 + N and status OK
            assertEquals("MMC-CD", names[0]);
            assertEquals("", names[1]);
            assertEquals("Red LED Vdd", names[5]);
            assertEquals("ethernet reset", names[7]);
            assertEquals("", names[9]);
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST process multiple messages for the same GPIO line sequentially and respond in order")
    void requestq_MUST_answer_messages_for_one_line_in_order() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            GpioDriver d = f.driver;
            // All queued before one kick: set 1, read, set 0, read, set 1, read.
            List<Integer> heads = new ArrayList<>();
            heads.add(d.submit(SET_VALUE.wireValue(), 0, 1));
            heads.add(d.submit(SET_DIRECTION.wireValue(), 0, Direction.OUT.wireValue()));
            int[] expect = {-1, -1, 1, -1, 0, -1, 1};
            heads.add(d.submit(GET_VALUE.wireValue(), 0, 0));
            heads.add(d.submit(SET_VALUE.wireValue(), 0, 0));
            heads.add(d.submit(GET_VALUE.wireValue(), 0, 0));
            heads.add(d.submit(SET_VALUE.wireValue(), 0, 1));
            heads.add(d.submit(GET_VALUE.wireValue(), 0, 0));
            d.kick(0);
            Map<Integer, GpioDriver.Response> answers = new HashMap<>();
            for (int h : heads) {
                answers.put(h, d.awaitResponse(h, 5000));
            }
            // The used ring itself, entry by entry, holds the heads in the order the requests were made.
            DriverQueue rq = d.requestQueue();
            int end = rq.usedIndex();
            List<Integer> order = new ArrayList<>();
            for (int i = end - heads.size(); i < end; i++) {
                order.add((int) d.memory().u32(rq.usedAddr() + 4 + 8L * ((i & 0xffff) % rq.size())));
            }
            assertEquals(heads, order, "used ring entries, oldest first");
            for (int i = 0; i < heads.size(); i++) {
                if (expect[i] >= 0) {
                    assertEquals(expect[i], answers.get(heads.get(i)).value(), "GET_VALUE #" + i);
                }
            }
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MAY process messages for different GPIO lines out of order and in parallel")
    void requestq_MAY_answer_different_lines_in_parallel() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(32)) {
            GpioDriver d = f.driver;
            for (int i = 0; i < 32; i++) {
                f.host.chip().setInput(i, i % 2, Cause.USER);
            }
            int[] heads = new int[32];
            for (int i = 0; i < 32; i++) {
                heads[i] = d.submit(GET_VALUE.wireValue(), i, 0);
            }
            d.kick(0);
            for (int i = 31; i >= 0; i--) { // collected in any order, each answer belongs to its own line
                GpioDriver.Response r = d.awaitResponse(heads[i], 5000);
                assertEquals(0, r.status());
                assertEquals(i % 2, r.value(), "line " + i);
            }
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST discard all state of a GPIO line once its direction is set to NONE")
    void requestq_MUST_discard_line_state_on_direction_none() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            f.ok(SET_VALUE, 2, 1);
            f.ok(SET_DIRECTION, 2, Direction.OUT.wireValue());
            assertEquals(1, f.ok(GET_VALUE, 2, 0));
            f.ok(SET_DIRECTION, 3, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 3, IrqType.EDGE_RISING.wireValue());
            f.driver.queueIrqBuffer(3);
            f.host.chip().setInput(3, 0, Cause.USER);

            f.ok(SET_DIRECTION, 2, Direction.NONE.wireValue());
            assertEquals(Direction.NONE.wireValue(), f.ok(GET_DIRECTION, 2, 0));
            assertEquals(0, f.ok(GET_VALUE, 2, 0), "the output value is gone");
            // Making it an output again without SET_VALUE drives 0, not the old 1.
            f.ok(SET_DIRECTION, 2, Direction.OUT.wireValue());
            assertEquals(0, f.ok(GET_VALUE, 2, 0));

            f.ok(SET_DIRECTION, 3, Direction.NONE.wireValue());
            GpioDriver.Interrupt back = f.driver.awaitInterrupt(2000);
            assertNotNull(back, "the held eventq buffer comes back");
            assertEquals(3, back.line());
            assertFalse(back.valid(), "returned INVALID");
            assertEquals(IrqType.NONE, f.host.chip().irqType(3), "the trigger type is gone");
            f.driver.queueIrqBuffer(3);
            assertFalse(f.driver.awaitInterrupt(2000).valid(), "a buffer for a released line is INVALID");
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST latch an edge interrupt if the interrupt is enabled but still masked")
    void requestq_MUST_latch_an_edge_while_enabled_but_masked() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            f.ok(SET_DIRECTION, 0, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 0, IrqType.EDGE_RISING.wireValue());
            f.host.chip().setInput(0, 1, Cause.USER); // enabled, masked (no buffer): latched
            f.host.chip().setInput(0, 0, Cause.USER);
            assertTrue(f.host.chip().state(0).latched());
            f.driver.queueIrqBuffer(0);
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(2000);
            assertNotNull(i, "the latched edge is reported as soon as the buffer arrives");
            assertTrue(i.valid());
            assertEquals(1, i.usedLen(), "an eventq response is one byte");
            // Latched one deep: the next buffer waits for a new edge.
            f.driver.queueIrqBuffer(0);
            assertNull(f.driver.awaitInterrupt(200));
            f.host.chip().setInput(0, 1, Cause.USER);
            assertTrue(f.driver.awaitInterrupt(2000).valid());
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST NOT latch a level interrupt if the interrupt is enabled but still masked")
    void requestq_MUST_NOT_latch_a_level_while_enabled_but_masked() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            f.ok(SET_DIRECTION, 0, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 0, IrqType.LEVEL_HIGH.wireValue());
            f.host.chip().setInput(0, 1, Cause.USER); // active while masked...
            f.host.chip().setInput(0, 0, Cause.USER); // ...and inactive again before the unmask
            assertFalse(f.host.chip().state(0).latched());
            f.driver.queueIrqBuffer(0);
            assertNull(f.driver.awaitInterrupt(300), "a level that went away is not remembered");
            f.host.chip().setInput(0, 1, Cause.USER);
            assertTrue(f.driver.awaitInterrupt(2000).valid(), "reported when it becomes active");
            // Still active when the buffer comes back: reported at once (level-triggered re-assertion).
            f.driver.queueIrqBuffer(0);
            GpioDriver.Interrupt again = f.driver.awaitInterrupt(2000);
            assertNotNull(again);
            assertTrue(again.valid());
        }
    }

    @Test
    @DisplayName("requestq Operation: The device MUST discard any latched interrupt for a GPIO line once the interrupt is disabled")
    void requestq_MUST_discard_a_latched_interrupt_when_disabled() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_BOTH.wireValue());
            f.host.chip().setInput(1, 1, Cause.USER);
            assertTrue(f.host.chip().state(1).latched());
            f.ok(SET_IRQ_TYPE, 1, IrqType.NONE.wireValue());
            assertFalse(f.host.chip().state(1).latched());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_BOTH.wireValue());
            f.driver.queueIrqBuffer(1);
            assertNull(f.driver.awaitInterrupt(300), "the edge latched before the disable is gone");
        }
    }

    @Test
    @DisplayName("Each requestq response has the exact used length Linux checks: 2, or 1 + gpio_names_size")
    void used_lengths_are_exact() throws Exception {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.builder().lines(3).namesList("x,,z").build())) {
            for (MessageType t : new MessageType[] {GET_DIRECTION, GET_VALUE, SET_VALUE, SET_DIRECTION}) {
                assertEquals(2, f.req(t, 0, 0).usedLen(), t.name());
            }
            assertEquals(5, f.driver.namesSize());
            f.driver.lineNames(); // asserts 1 + 5
        }
    }
}
