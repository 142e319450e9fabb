package io.vgpio.virtio;

import io.vgpio.core.Chip;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.RuleViolation;
import java.util.function.BooleanSupplier;

/**
 * Watches what the guest queues for the {@link DriverRule}s it breaks and records each with a RULE_VIOLATION event.
 * It only observes: the device answers a broken rule as the specification says, whatever this class concludes.
 *
 * <p>It sees every message before the chip answers it, because several rules compare the request with the state it
 * would change (a trigger type changed without NONE in between, a direction set to OUT before any value). Runs under
 * the chip's monitor, like everything the device does with a request, so that state cannot move in between.
 */
public final class DriverRuleChecker {
    private final Chip chip;
    private final EventLog log;
    private final BooleanSupplier irqNegotiated;

    /** @param irqNegotiated whether the driver accepted VIRTIO_GPIO_F_IRQ (asked under the chip's monitor) */
    public DriverRuleChecker(Chip chip, BooleanSupplier irqNegotiated) {
        this.chip = chip;
        this.log = chip.log();
        this.irqNegotiated = irqNegotiated;
    }

    /**
     * A requestq chain's layout, seen before its request is read.
     *
     * @param buffers         descriptors in the chain
     * @param firstWritable   whether the first buffer is device-writable (where the request should be)
     * @param writableBuffers device-writable descriptors (where the response goes)
     */
    public void requestChain(int buffers, boolean firstWritable, int writableBuffers) {
        if (buffers < 2) {
            violation(DriverRule.REQUEST_AND_RESPONSE_BUFFERS, Event.NO_LINE, 0);
        }
        if (firstWritable) {
            violation(DriverRule.REQUEST_READ_ONLY, Event.NO_LINE, 0);
        }
        if (writableBuffers == 0) {
            violation(DriverRule.RESPONSE_WRITABLE, Event.NO_LINE, 0);
        }
    }

    /** A decoded requestq message, before the chip answers it. */
    public void request(GpioRequest r) {
        MessageType t = r.messageType();
        int line = r.line();
        if (t == null) {
            violation(DriverRule.UNKNOWN_MESSAGE, line, r.type());
            return;
        }
        if (t == MessageType.GET_LINE_NAMES) {
            return; // its line field means nothing
        }
        if (line >= chip.lineCount()) {
            violation(DriverRule.LINE_OUT_OF_RANGE, line, r.type());
            return;
        }
        if (t == MessageType.SET_DIRECTION) {
            setDirection(line, Direction.fromWire(r.value()), r.type());
        } else if (t == MessageType.SET_IRQ_TYPE) {
            setIrqType(line, IrqType.fromWire(r.value()), r.type());
        }
    }

    private void setDirection(int line, Direction d, int type) {
        if (d == Direction.OUT && !chip.valueSetSinceRelease(line)) {
            violation(DriverRule.OUTPUT_BEFORE_VALUE, line, type);
        }
        if (d == Direction.NONE && chip.irqType(line) != IrqType.NONE) {
            violation(DriverRule.IRQ_NOT_DISABLED_ON_RELEASE, line, type);
        }
    }

    private void setIrqType(int line, IrqType wanted, int type) {
        if (!irqNegotiated.getAsBoolean()) {
            violation(DriverRule.IRQ_WITHOUT_FEATURE, line, type);
            return; // answered ERR: nothing else about it happens
        }
        if (wanted == null) {
            return; // answered ERR, breaks no driver rule
        }
        if (chip.direction(line) == Direction.OUT && wanted != IrqType.NONE) {
            violation(DriverRule.IRQ_ON_OUTPUT, line, type);
        }
        IrqType old = chip.irqType(line);
        if (old != IrqType.NONE && wanted != IrqType.NONE && old != wanted) {
            violation(DriverRule.TRIGGER_CHANGE_WITHOUT_NONE, line, type);
        }
    }

    /** An eventq buffer pair too small for struct virtio_gpio_irq_request and its response. */
    public void malformedEventBuffer() {
        violation(DriverRule.SEPARATE_EVENT_BUFFERS, Event.NO_LINE, 0);
    }

    /** An eventq buffer for a line (unmask), before the chip takes it. */
    public void eventBuffer(int line) {
        if (line >= chip.lineCount()) {
            violation(DriverRule.LINE_OUT_OF_RANGE, line, 0);
            return;
        }
        if (!irqNegotiated.getAsBoolean()) {
            violation(DriverRule.IRQ_WITHOUT_FEATURE, line, 0);
        }
        if (chip.direction(line) == Direction.OUT) {
            violation(DriverRule.IRQ_ON_OUTPUT, line, 0);
        }
        if (chip.state(line).armed()) {
            violation(DriverRule.MULTIPLE_EVENT_BUFFERS, line, 0);
        } else if (chip.irqType(line) == IrqType.NONE) {
            violation(DriverRule.UNMASK_BEFORE_ENABLE, line, 0);
        }
    }

    private void violation(DriverRule rule, int line, int messageType) {
        log.append(line, new RuleViolation(rule, messageType));
    }
}
