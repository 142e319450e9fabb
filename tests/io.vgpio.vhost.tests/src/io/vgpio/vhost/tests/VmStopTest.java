package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.driver.GpioDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * QEMU stops a vhost-user device's rings when it stops the VM (QMP stop: pause-guest, the Debug view's Suspend)
 * and starts the same rings at the reported bases when it continues. The guest's driver never knew: the line it
 * armed must stay armed, with its eventq buffer, and an edge that came while the VM stood still is reported once
 * it runs again. A driver reset, by contrast, starts new rings and forgets the guest's state (ReconnectTest).
 */
class VmStopTest {
    private static final long WAIT_MS = 5000;

    @Test
    @DisplayName("After a VM stop and continue, the armed line keeps its IRQ type and buffer and interrupts again")
    void armed_line_survives_a_vm_stop() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            arm(f, 1);
            int[] bases = f.driver.stop();
            assertEquals(IrqType.EDGE_RISING, f.host.chip().irqType(1), "the guest's IRQ type stays while stopped");
            assertTrue(f.host.chip().state(1).armed(), "the buffer stays held while stopped");
            f.driver.resume(bases);
            assertEquals(0, f.ok(GET_VALUE, 1, 0), "requests are served after the continue");
            f.host.chip().setInput(1, 1, Cause.USER);
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(WAIT_MS);
            assertNotNull(i, "the edge after the continue comes back in the buffer held across the stop");
            assertEquals(1, i.line());
            assertTrue(i.valid());
        }
    }

    @Test
    @DisplayName("An edge while the VM stands still is reported when it continues, not lost")
    void edge_while_stopped_is_reported_on_continue() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            arm(f, 2);
            int[] bases = f.driver.stop();
            f.host.chip().setInput(2, 1, Cause.USER);
            f.driver.resume(bases);
            GpioDriver.Interrupt i = f.driver.awaitInterrupt(WAIT_MS);
            assertNotNull(i, "the edge that came while stopped is delivered on the continue");
            assertEquals(2, i.line());
            assertTrue(i.valid());
        }
    }

    @Test
    @DisplayName("Several stops and continues in a row keep the line working")
    void repeated_stops() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            arm(f, 0);
            for (int round = 0; round < 3; round++) {
                f.driver.resume(f.driver.stop());
                f.host.chip().setInput(0, 1, Cause.USER);
                GpioDriver.Interrupt i = f.driver.awaitInterrupt(WAIT_MS);
                assertNotNull(i, "round " + round);
                assertEquals(0, i.line());
                f.host.chip().setInput(0, 0, Cause.USER);
                f.driver.queueIrqBuffer(0); // the driver hands the buffer back, as gpio-virtio does
                Await.until(() -> f.host.chip().state(0).armed());
            }
        }
    }

    private static void arm(DeviceFixture f, int line) throws Exception {
        f.ok(SET_DIRECTION, line, Direction.IN.wireValue());
        f.ok(SET_IRQ_TYPE, line, IrqType.EDGE_RISING.wireValue());
        f.driver.queueIrqBuffer(line);
        Await.until(() -> f.host.chip().state(line).armed());
    }
}
