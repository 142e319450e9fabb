package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** An eventq buffer was returned VALID: a = level at delivery, b = ns since the trigger. */
public record Interrupt(long level, long latencyNanos) implements EventPayload {
    public static Interrupt of(long a, long b) {
        return new Interrupt(a, b);
    }

    public static Interrupt of(Event e) {
        return of(Kinds.expect(e, EventKind.INTERRUPT).a(), e.b());
    }

    @Override
    public EventKind kind() {
        return EventKind.INTERRUPT;
    }

    @Override
    public long a() {
        return level;
    }

    @Override
    public long b() {
        return latencyNanos;
    }
}
