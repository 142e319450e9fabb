package io.vgpio.virtio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Chip;
import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.RuleViolation;
import io.vgpio.virtio.DriverRuleChecker;
import io.vgpio.virtio.GpioRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The driver-rule checker on its own: requests go in, RULE_VIOLATION events come out, and the chip it looks at is
 * left as it was (answering is the chip's business, not the checker's).
 */
class DriverRuleCheckerTest {
    private static final int LINES = 4;
    private static final int SET_DIRECTION = MessageType.SET_DIRECTION.wireValue();
    private static final int SET_IRQ_TYPE = MessageType.SET_IRQ_TYPE.wireValue();

    private final EventLog log = new EventLog(1024);
    private final Chip chip;
    private final DriverRuleChecker checker;
    private boolean irqNegotiated = true;

    DriverRuleCheckerTest() throws ConfigException {
        chip = new Chip(DeviceConfig.builder().lines(LINES).build(), log);
        checker = new DriverRuleChecker(chip, () -> irqNegotiated);
    }

    /** One RULE_VIOLATION as the log has it: the rule, the line, the message type (0 for none). */
    private record Seen(DriverRule rule, int line, long messageType) {
    }

    private static Seen seen(DriverRule rule, int line, long messageType) {
        return new Seen(rule, line, messageType);
    }

    /** The violations recorded while {@code action} ran. */
    private List<Seen> violations(Runnable action) {
        long from = log.nextSeq();
        action.run();
        List<Seen> out = new ArrayList<>();
        log.read(from, 1000, (seq, t, kind, line, a, b) -> {
            if (kind == EventKind.RULE_VIOLATION) {
                RuleViolation v = RuleViolation.of(a, b);
                out.add(seen(v.rule(), line, v.messageType()));
            }
        });
        return out;
    }

    private List<Seen> request(int type, int line, long value) {
        return violations(() -> checker.request(new GpioRequest(type, line, value)));
    }

    @Test
    @DisplayName("A requestq chain: one buffer, a writable first buffer, no writable buffer are three rules")
    void request_chain_layout() {
        assertEquals(List.of(seen(DriverRule.REQUEST_AND_RESPONSE_BUFFERS, Event.NO_LINE, 0),
                seen(DriverRule.REQUEST_READ_ONLY, Event.NO_LINE, 0),
                seen(DriverRule.RESPONSE_WRITABLE, Event.NO_LINE, 0)),
                violations(() -> checker.requestChain(1, true, 0)));
        assertEquals(List.of(seen(DriverRule.RESPONSE_WRITABLE, Event.NO_LINE, 0)),
                violations(() -> checker.requestChain(2, false, 0)));
        assertEquals(List.of(), violations(() -> checker.requestChain(2, false, 1)), "a good chain");
    }

    @Test
    @DisplayName("An unknown message type and a line past ngpio are recorded with the message type")
    void unknown_message_and_line_out_of_range() {
        assertEquals(List.of(seen(DriverRule.UNKNOWN_MESSAGE, 1, 0x99)), request(0x99, 1, 0));
        assertEquals(List.of(seen(DriverRule.LINE_OUT_OF_RANGE, 0xffff, SET_DIRECTION)),
                request(SET_DIRECTION, 0xffff, Direction.OUT.wireValue()));
        assertEquals(List.of(seen(DriverRule.LINE_OUT_OF_RANGE, LINES, MessageType.GET_VALUE.wireValue())),
                request(MessageType.GET_VALUE.wireValue(), LINES, 0));
        assertEquals(List.of(), request(MessageType.GET_LINE_NAMES.wireValue(), 0xffff, 0),
                "GET_LINE_NAMES has no line to be out of range");
        assertEquals(List.of(), request(MessageType.GET_VALUE.wireValue(), LINES - 1, 0));
    }

    @Test
    @DisplayName("SHOULD: SET_DIRECTION(OUT) before any SET_VALUE since the line was released")
    void output_before_value() {
        assertEquals(List.of(seen(DriverRule.OUTPUT_BEFORE_VALUE, 2, SET_DIRECTION)),
                request(SET_DIRECTION, 2, Direction.OUT.wireValue()));
        chip.guestSetValue(2, 1);
        assertEquals(List.of(), request(SET_DIRECTION, 2, Direction.OUT.wireValue()), "a value was set first");
        assertEquals(List.of(), request(SET_DIRECTION, 3, Direction.IN.wireValue()), "IN needs no value");
        assertEquals(List.of(), request(SET_DIRECTION, 3, 7), "no direction at all: answered ERR, no rule");
    }

    @Test
    @DisplayName("Releasing a line (SET_DIRECTION NONE) with its interrupt still enabled")
    void release_with_interrupt_enabled() {
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_RISING);
        assertEquals(List.of(seen(DriverRule.IRQ_NOT_DISABLED_ON_RELEASE, 1, SET_DIRECTION)),
                request(SET_DIRECTION, 1, Direction.NONE.wireValue()));
        chip.guestSetIrqType(1, IrqType.NONE);
        assertEquals(List.of(), request(SET_DIRECTION, 1, Direction.NONE.wireValue()));
    }

    @Test
    @DisplayName("SET_IRQ_TYPE without VIRTIO_GPIO_F_IRQ is that rule alone, whatever else is wrong")
    void irq_without_feature() {
        irqNegotiated = false;
        chip.guestSetValue(0, 0);
        chip.guestSetDirection(0, Direction.OUT);
        assertEquals(List.of(seen(DriverRule.IRQ_WITHOUT_FEATURE, 0, SET_IRQ_TYPE)),
                request(SET_IRQ_TYPE, 0, IrqType.EDGE_BOTH.wireValue()));
    }

    @Test
    @DisplayName("SET_IRQ_TYPE on an output line, and a trigger change without NONE in between")
    void irq_type_rules() {
        chip.guestSetValue(0, 0);
        chip.guestSetDirection(0, Direction.OUT);
        assertEquals(List.of(seen(DriverRule.IRQ_ON_OUTPUT, 0, SET_IRQ_TYPE)),
                request(SET_IRQ_TYPE, 0, IrqType.EDGE_RISING.wireValue()));
        assertEquals(List.of(), request(SET_IRQ_TYPE, 0, IrqType.NONE.wireValue()), "disabling is always fine");

        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_RISING);
        assertEquals(List.of(seen(DriverRule.TRIGGER_CHANGE_WITHOUT_NONE, 1, SET_IRQ_TYPE)),
                request(SET_IRQ_TYPE, 1, IrqType.LEVEL_HIGH.wireValue()));
        assertEquals(List.of(), request(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue()), "the same type again");
        assertEquals(List.of(), request(SET_IRQ_TYPE, 1, 0x77), "no type at all: answered ERR, no rule");
    }

    @Test
    @DisplayName("eventq: unmasking before enabling, twice, on an output, without the feature, past ngpio")
    void event_buffer_rules() {
        assertEquals(List.of(seen(DriverRule.UNMASK_BEFORE_ENABLE, 1, 0)), violations(() -> checker.eventBuffer(1)));
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_FALLING);
        assertEquals(List.of(), violations(() -> checker.eventBuffer(1)));
        chip.queueEventBuffer(1, 5);
        assertEquals(List.of(seen(DriverRule.MULTIPLE_EVENT_BUFFERS, 1, 0)), violations(() -> checker.eventBuffer(1)));

        chip.guestSetValue(2, 1);
        chip.guestSetDirection(2, Direction.OUT);
        irqNegotiated = false;
        assertEquals(List.of(seen(DriverRule.IRQ_WITHOUT_FEATURE, 2, 0), seen(DriverRule.IRQ_ON_OUTPUT, 2, 0),
                seen(DriverRule.UNMASK_BEFORE_ENABLE, 2, 0)), violations(() -> checker.eventBuffer(2)));
        assertEquals(List.of(seen(DriverRule.LINE_OUT_OF_RANGE, 0xffff, 0)),
                violations(() -> checker.eventBuffer(0xffff)), "past ngpio: that rule alone");
        assertEquals(List.of(seen(DriverRule.SEPARATE_EVENT_BUFFERS, Event.NO_LINE, 0)),
                violations(checker::malformedEventBuffer));
    }

    @Test
    @DisplayName("The checker only looks: the chip is the same after it saw a request that breaks rules")
    void checker_changes_nothing() {
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_RISING);
        List<LineState> before = chip.states();
        long events = log.nextSeq();
        checker.request(new GpioRequest(SET_IRQ_TYPE, 1, IrqType.EDGE_FALLING.wireValue()));
        checker.request(new GpioRequest(SET_DIRECTION, 1, Direction.NONE.wireValue()));
        assertEquals(before, chip.states());
        assertEquals(events + 2, log.nextSeq(), "two violations and nothing else");
    }
}
