package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.fault.FaultEffect;

/**
 * A fault rule acted: a = the rule's id, b = the {@link FaultEffect.Kind#wire()} of what it did. The event's line is
 * the line concerned (-1 for a request that names none).
 */
public record Fault(long ruleId, long effectWire) implements EventPayload {
    public Fault(int ruleId, FaultEffect.Kind effect) {
        this(ruleId, effect.wire());
    }

    public static Fault of(long a, long b) {
        return new Fault(a, b);
    }

    public static Fault of(Event e) {
        return of(Kinds.expect(e, EventKind.FAULT).a(), e.b());
    }

    /** What the rule did, or null for a number that is none. */
    public FaultEffect.Kind effect() {
        return FaultEffect.Kind.fromWire(effectWire);
    }

    @Override
    public EventKind kind() {
        return EventKind.FAULT;
    }

    @Override
    public long a() {
        return ruleId;
    }

    @Override
    public long b() {
        return effectWire;
    }
}
