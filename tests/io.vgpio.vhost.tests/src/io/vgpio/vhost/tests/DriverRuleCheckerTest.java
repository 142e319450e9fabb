package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_DIRECTION;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static io.vgpio.core.MessageType.SET_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.RuleViolation;
import io.vgpio.driver.DriverOptions;
import io.vgpio.driver.GpioDriver;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each observable driver-normative statement, broken on purpose, is recorded; a Linux-like driver breaks none. */
class DriverRuleCheckerTest {

    /** The eventq gave back a buffer: for this line, VALID (an interrupt) or INVALID (returned unused). */
    private static void assertInterrupt(GpioDriver.Interrupt irq, int line, boolean valid) {
        assertNotNull(irq, "an eventq buffer came back");
        assertEquals(line, irq.line(), "the buffer's line");
        assertEquals(valid, irq.valid(), "VALID (true) or INVALID (false): status " + irq.status());
    }

    private static List<DriverRule> violations(DeviceFixture f, long from) {
        return f.events(from, EventKind.RULE_VIOLATION).stream().map(e -> RuleViolation.of(e).rule()).toList();
    }

    @Test
    @DisplayName("The Linux driver's sequences (probe, gpioset, gpiomon start and stop) break no rule")
    void linux_like_sequences_break_no_rule() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            for (int i = 0; i < 4; i++) {
                f.ok(GET_DIRECTION, i, 0); // probe
            }
            f.ok(SET_VALUE, 0, 1); // direction_output = SET_VALUE, SET_DIRECTION(OUT)
            f.ok(SET_DIRECTION, 0, Direction.OUT.wireValue());
            f.ok(SET_DIRECTION, 0, Direction.NONE.wireValue()); // free
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue()); // gpiomon
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_BOTH.wireValue());
            f.driver.queueIrqBuffer(1);
            f.host.chip().setInput(1, 1, Cause.USER);
            assertInterrupt(f.driver.awaitInterrupt(2000), 1, true);
            f.driver.queueIrqBuffer(1);
            f.ok(SET_IRQ_TYPE, 1, IrqType.NONE.wireValue()); // stop: disable, buffer back INVALID
            assertInterrupt(f.driver.awaitInterrupt(2000), 1, false);
            f.ok(SET_DIRECTION, 1, Direction.NONE.wireValue());
            assertEquals(List.of(), violations(f, 0));
        }
    }

    @Test
    @DisplayName("Every broken rule is recorded once, quoting its statement; the device still answers")
    void broken_rules_are_recorded() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            long s = f.log().nextSeq();
            f.ok(SET_DIRECTION, 0, Direction.OUT.wireValue());
            assertEquals(List.of(DriverRule.OUTPUT_BEFORE_VALUE), violations(f, s));

            s = f.log().nextSeq();
            f.ok(SET_IRQ_TYPE, 0, IrqType.EDGE_RISING.wireValue());
            assertEquals(List.of(DriverRule.IRQ_ON_OUTPUT), violations(f, s));

            s = f.log().nextSeq();
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.LEVEL_HIGH.wireValue());
            assertEquals(List.of(DriverRule.TRIGGER_CHANGE_WITHOUT_NONE), violations(f, s));

            s = f.log().nextSeq();
            f.driver.queueIrqBuffer(2); // not enabled: returned INVALID at once
            assertInterrupt(f.driver.awaitInterrupt(2000), 2, false);
            assertEquals(List.of(DriverRule.UNMASK_BEFORE_ENABLE), violations(f, s));

            s = f.log().nextSeq();
            f.ok(SET_IRQ_TYPE, 1, IrqType.NONE.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue());
            f.driver.queueIrqBuffer(1);
            f.driver.queueIrqBuffer(1); // the second one is returned INVALID
            assertInterrupt(f.driver.awaitInterrupt(2000), 1, false);
            assertEquals(List.of(DriverRule.MULTIPLE_EVENT_BUFFERS), violations(f, s));

            s = f.log().nextSeq();
            f.ok(SET_DIRECTION, 1, Direction.NONE.wireValue());
            assertEquals(List.of(DriverRule.IRQ_NOT_DISABLED_ON_RELEASE), violations(f, s));

            s = f.log().nextSeq();
            assertEquals(Protocol.STATUS_ERR, f.driver.request(SET_VALUE.wireValue(), 9, 0).status(), "line 9 of 4");
            assertEquals(Protocol.STATUS_ERR, f.driver.request(0x42, 0, 0).status(), "message type 0x42");
            assertEquals(List.of(DriverRule.LINE_OUT_OF_RANGE, DriverRule.UNKNOWN_MESSAGE), violations(f, s));

            Event v = f.events(0, EventKind.RULE_VIOLATION).get(0);
            String text = new EventFormat(f.host.config()).describe(v);
            assertTrue(text.contains("should set the value of the GPIO line"), text);
            assertTrue(text.contains("Set Direction"), text);
        }
    }

    @Test
    @DisplayName("IRQ messages without the negotiated feature are recorded")
    void irq_without_feature() throws Exception {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.builder().lines(2).build(),
                DriverOptions.defaults().withIrq(false))) {
            GpioDriver.Response r = f.driver.request(SET_IRQ_TYPE.wireValue(), 0, IrqType.EDGE_BOTH.wireValue());
            assertEquals(List.of(DriverRule.IRQ_WITHOUT_FEATURE), violations(f, 0));
            assertEquals(Protocol.STATUS_ERR, r.status(), "no IRQ support was negotiated: the request fails");
        }
    }
}
