package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;

/** A line's trigger type changed: a = {@link IrqType#wireValue()}, b = 0. */
public record IrqTypeChange(long irqTypeWire) implements EventPayload {
    public IrqTypeChange(IrqType type) {
        this(type.wireValue());
    }

    public static IrqTypeChange of(long a, long b) {
        return new IrqTypeChange(a);
    }

    public static IrqTypeChange of(Event e) {
        return of(Kinds.expect(e, EventKind.IRQ_TYPE).a(), e.b());
    }

    /** The new trigger type, or null for a number that is none. */
    public IrqType irqType() {
        return IrqType.fromWire(irqTypeWire);
    }

    @Override
    public EventKind kind() {
        return EventKind.IRQ_TYPE;
    }

    @Override
    public long a() {
        return irqTypeWire;
    }

    @Override
    public long b() {
        return 0;
    }
}
