package io.vgpio.core.payload;

import io.vgpio.core.Cause;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** The level the guest reads changed: a = new level, b = {@link Cause#wire()}. */
public record Level(long level, long causeWire) implements EventPayload {
    public Level(long level, Cause cause) {
        this(level, cause.wire());
    }

    public static Level of(long a, long b) {
        return new Level(a, b);
    }

    public static Level of(Event e) {
        return of(Kinds.expect(e, EventKind.LEVEL).a(), e.b());
    }

    /** Who changed the level, or null for a number that is none. */
    public Cause cause() {
        return Cause.fromWire(causeWire);
    }

    @Override
    public EventKind kind() {
        return EventKind.LEVEL;
    }

    @Override
    public long a() {
        return level;
    }

    @Override
    public long b() {
        return causeWire;
    }
}
