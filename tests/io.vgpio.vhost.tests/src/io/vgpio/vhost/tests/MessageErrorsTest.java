package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_DIRECTION;
import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static io.vgpio.core.MessageType.SET_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Direction;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Status ERR for an invalid line, message type, direction, IRQ type or value; the device keeps answering. */
class MessageErrorsTest {

    private static void err(DeviceFixture f, int type, int line, long value, String what) throws Exception {
        GpioDriver.Response r = f.driver.request(type, line, value);
        assertEquals(1, r.status(), what + " answers ERR");
        assertEquals(0, r.value(), what + " value is 0");
        assertEquals(2, r.usedLen(), what + " used length");
    }

    @Test
    @DisplayName("ERR for a line number >= ngpio, for every line message")
    void invalid_line() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            for (MessageType t : new MessageType[] {GET_DIRECTION, SET_DIRECTION, GET_VALUE, SET_VALUE, SET_IRQ_TYPE}) {
                err(f, t.wireValue(), 4, 0, t + " on line 4 of 4");
                err(f, t.wireValue(), 65535, 0, t + " on line 65535");
            }
            assertEquals(0, f.req(GET_VALUE, 3, 0).status(), "still serving");
        }
    }

    @Test
    @DisplayName("ERR for unknown message types")
    void invalid_type() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            err(f, 0, 0, 0, "type 0");
            err(f, 7, 0, 0, "type 7");
            err(f, 0xffff, 0, 0, "type 0xffff");
        }
    }

    @Test
    @DisplayName("ERR for an invalid direction, value or IRQ type; the line keeps its state")
    void invalid_arguments() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            f.ok(SET_DIRECTION, 0, Direction.IN.wireValue());
            err(f, SET_DIRECTION.wireValue(), 0, 3, "direction 3");
            err(f, SET_VALUE.wireValue(), 0, 2, "value 2");
            err(f, SET_VALUE.wireValue(), 0, 0xffffffffL, "value 0xffffffff");
            err(f, SET_IRQ_TYPE.wireValue(), 0, 5, "irq type 5");
            err(f, SET_IRQ_TYPE.wireValue(), 0, 0x10, "irq type 0x10");
            assertEquals(Direction.IN.wireValue(), f.ok(GET_DIRECTION, 0, 0));
        }
    }

    @Test
    @DisplayName("GET_LINE_NAMES on a device without names answers a one-byte ERR")
    void names_without_names() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            GpioDriver.Response r = f.driver.request(MessageType.GET_LINE_NAMES.wireValue(), 0, 0);
            assertEquals(1, r.status());
            assertEquals(1, r.usedLen());
        }
    }
}
