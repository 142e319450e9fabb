package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.driver.GpioDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.Poll;

/**
 * The device-normative statements of "Device Types / GPIO Device / eventq Operation", and the eventq behaviour the
 * released text and NOTES.md pin down, over the real socket.
 */
class EventqConformanceTest {

    private static void arm(DeviceFixture f, int line, IrqType type) throws Exception {
        f.ok(SET_DIRECTION, line, Direction.IN.wireValue());
        f.ok(SET_IRQ_TYPE, line, type.wireValue());
    }

    @Test
    @DisplayName("eventq Operation: The device MUST NOT send an interrupt event unless the interrupt has been both unmasked and enabled")
    void eventq_MUST_NOT_send_an_interrupt_unless_unmasked_and_enabled() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            f.ok(SET_DIRECTION, 0, Direction.IN.wireValue());
            // Unmasked but not enabled: the buffer comes back, but INVALID, never VALID.
            f.driver.queueIrqBuffer(0);
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(2000);
            assertNotNull(i);
            assertFalse(i.valid(), "a buffer queued while the trigger type is NONE is returned INVALID");
            f.host.chip().setInput(0, 1, Cause.USER);
            assertNull(f.driver.awaitInterrupt(200));
            // Enabled but not unmasked: an edge is only latched, nothing is sent.
            f.ok(SET_IRQ_TYPE, 0, IrqType.EDGE_FALLING.wireValue());
            f.host.chip().setInput(0, 0, Cause.USER);
            assertNull(f.driver.awaitInterrupt(200));
            // Both: delivered.
            f.driver.queueIrqBuffer(0);
            assertTrue(f.driver.awaitInterrupt(2000).valid());
        }
    }

    @Test
    @DisplayName("eventq Operation: On SET_IRQ_TYPE(NONE) the device MUST return the buffers, if received earlier, with status INVALID")
    void eventq_MUST_return_held_buffers_INVALID_on_type_none() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            arm(f, 1, IrqType.EDGE_BOTH);
            f.driver.queueIrqBuffer(1);
            assertNull(f.driver.awaitInterrupt(100), "held while nothing happens");
            long seq = f.log().nextSeq();
            f.ok(SET_IRQ_TYPE, 1, IrqType.NONE.wireValue());
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(2000);
            assertNotNull(i, "returned at once");
            assertEquals(1, i.line());
            assertFalse(i.valid());
            assertEquals(1, i.usedLen());
            assertEquals(1, f.events(seq, EventKind.BUFFER_INVALID).size());
            // And gpiomon can start again on the same line.
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue());
            f.driver.queueIrqBuffer(1);
            f.host.chip().setInput(1, 1, Cause.USER);
            assertTrue(f.driver.awaitInterrupt(2000).valid());
        }
    }

    @Test
    @DisplayName("A second buffer for a line that already has one comes back INVALID; the first stays held")
    void second_buffer_for_a_line_is_returned_invalid() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            arm(f, 0, IrqType.EDGE_RISING);
            int first = f.driver.queueIrqBuffer(0);
            int second = f.driver.queueIrqBuffer(0);
            GpioDriver.Interrupt back = f.driver.awaitInterrupt(2000);
            assertNotNull(back);
            assertFalse(back.valid());
            assertTrue(first != second);
            f.host.chip().setInput(0, 1, Cause.USER);
            GpioDriver.Interrupt fired = f.driver.awaitInterrupt(2000);
            assertNotNull(fired, "the first buffer is still held and fires");
            assertTrue(fired.valid());
        }
    }

    @ParameterizedTest(name = "{0}: rise={1} fall={2}")
    @CsvSource({"EDGE_RISING,true,false", "EDGE_FALLING,false,true", "EDGE_BOTH,true,true"})
    @DisplayName("Edge types fire on their edges only")
    void edge_types_fire_on_their_edges(IrqType type, boolean onRise, boolean onFall) throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(1)) {
            arm(f, 0, type);
            f.driver.queueIrqBuffer(0);
            f.host.chip().setInput(0, 1, Cause.USER);
            GpioDriver.Interrupt rise = f.driver.awaitInterrupt(onRise ? 2000 : 200);
            assertEquals(onRise, rise != null, "rising edge");
            if (rise != null) {
                f.driver.queueIrqBuffer(0);
            }
            f.host.chip().setInput(0, 0, Cause.USER);
            GpioDriver.Interrupt fall = f.driver.awaitInterrupt(onFall ? 2000 : 200);
            assertEquals(onFall, fall != null, "falling edge");
        }
    }

    @Test
    @DisplayName("LEVEL_LOW is reported at once when a buffer arrives while the line is low")
    void level_low_reported_at_once_when_active() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(1)) {
            arm(f, 0, IrqType.LEVEL_LOW); // input level is 0: active
            f.driver.queueIrqBuffer(0);
            assertTrue(f.driver.awaitInterrupt(2000).valid());
            f.host.chip().setInput(0, 1, Cause.USER);
            f.driver.queueIrqBuffer(0);
            assertNull(f.driver.awaitInterrupt(200), "inactive: held");
            f.host.chip().setInput(0, 0, Cause.USER);
            assertTrue(f.driver.awaitInterrupt(2000).valid());
        }
    }

    @Test
    @Timeout(60) // guards the blocking read below; no assertion depends on time (the latency is in ./vgpio bench)
    @DisplayName("Interrupts are event-driven: setInput signals the call eventfd before it returns, and wakes a blocked driver")
    void interrupt_delivery_is_event_driven() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(1)) {
            arm(f, 0, IrqType.EDGE_BOTH);
            int call = f.driver.callFd(1);
            for (int i = 0; i < 20; i++) {
                f.driver.queueIrqBuffer(0);
                Await.until(() -> f.host.chip().state(0).armed()); // the kick is handled on the connection's thread
                EventFd.drain(call); // the backend made it non-blocking: returns at once
                assertFalse(Poll.pollIn(call, 0), "no wake-up is pending before the change");
                f.host.chip().setInput(0, (i + 1) % 2, Cause.USER);
                // Completed on the thread that changed the line: a polling device would not have signalled yet.
                assertTrue(Poll.pollIn(call, 0), "the call eventfd is signalled when setInput returns");
                f.driver.blockOnCall(1); // a blocking wait with no time-out returns: woken by the eventfd
                GpioDriver.Interrupt irq = f.driver.pollInterrupt();
                assertNotNull(irq, "the used ring holds the buffer the wake-up was for");
                assertTrue(irq.valid());
            }
            assertEquals(20, f.events(0, EventKind.INTERRUPT).size());
        }
    }

    @Test
    @DisplayName("Without VIRTIO_GPIO_F_IRQ negotiated, SET_IRQ_TYPE answers ERR")
    void set_irq_type_without_the_feature_is_err() throws Exception {
        try (DeviceFixture f = new DeviceFixture(io.vgpio.core.DeviceConfig.builder().lines(2).irq(false).build())) {
            assertEquals(0, f.driver.acceptedFeatures() & 1, "the device does not offer the feature");
            assertEquals(1, f.req(SET_IRQ_TYPE, 0, IrqType.EDGE_BOTH.wireValue()).status());
        }
    }
}
