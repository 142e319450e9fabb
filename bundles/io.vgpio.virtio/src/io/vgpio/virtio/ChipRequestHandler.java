package io.vgpio.virtio;

import io.vgpio.core.Chip;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import java.util.function.BooleanSupplier;

/**
 * The {@link RequestHandler} that answers with the chip, as the specification says: ERR for what the device cannot
 * do (an unknown message, a line out of range, a value or type that is none, an IRQ message without the feature),
 * and otherwise the chip's answer. Judging the driver is the {@link DriverRuleChecker}'s job, not this one's.
 */
public final class ChipRequestHandler implements RequestHandler {
    private final Chip chip;
    private final byte[] names;
    private final BooleanSupplier irqNegotiated;

    /** @param irqNegotiated whether the driver accepted VIRTIO_GPIO_F_IRQ (asked under the chip's monitor) */
    public ChipRequestHandler(Chip chip, BooleanSupplier irqNegotiated) {
        this.chip = chip;
        this.names = chip.config().namesBlob();
        this.irqNegotiated = irqNegotiated;
    }

    @Override
    public Reply answer(GpioRequest r) {
        MessageType t = r.messageType();
        if (t == null) {
            return Reply.error();
        }
        if (t == MessageType.GET_LINE_NAMES) {
            // The driver should not ask when there are no names; the answer is then a lone ERR byte.
            return names.length == 0 ? Reply.statusOnlyError() : Reply.withBody(names);
        }
        int line = r.line();
        if (line >= chip.lineCount()) {
            return Reply.error();
        }
        return switch (t) {
            case GET_DIRECTION -> Reply.of(Protocol.STATUS_OK, chip.direction(line).wireValue());
            case GET_VALUE -> Reply.of(Protocol.STATUS_OK, chip.guestRead(line));
            case SET_VALUE -> setValue(line, r.value());
            case SET_DIRECTION -> setDirection(line, r.value());
            case SET_IRQ_TYPE -> setIrqType(line, r.value());
            case GET_LINE_NAMES -> throw new AssertionError(t);
        };
    }

    private Reply setValue(int line, long value) {
        if (value > 1) {
            return Reply.error();
        }
        chip.guestSetValue(line, (int) value);
        return Reply.of(Protocol.STATUS_OK, 0);
    }

    private Reply setDirection(int line, long value) {
        Direction d = Direction.fromWire(value);
        if (d == null) {
            return Reply.error();
        }
        chip.guestSetDirection(line, d);
        return Reply.of(Protocol.STATUS_OK, 0);
    }

    private Reply setIrqType(int line, long value) {
        IrqType type = IrqType.fromWire(value);
        if (!irqNegotiated.getAsBoolean() || type == null) {
            return Reply.error();
        }
        chip.guestSetIrqType(line, type);
        return Reply.of(Protocol.STATUS_OK, 0);
    }

    @Override
    public void unmask(int line, long token) {
        chip.queueEventBuffer(line, token);
    }
}
