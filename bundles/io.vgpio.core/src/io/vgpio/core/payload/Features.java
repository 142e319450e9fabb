package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** The driver accepted features: a = the bits in effect (offered and accepted), b = the bits the driver wrote. */
public record Features(long accepted, long written) implements EventPayload {
    public static Features of(long a, long b) {
        return new Features(a, b);
    }

    public static Features of(Event e) {
        return of(Kinds.expect(e, EventKind.FEATURES).a(), e.b());
    }

    @Override
    public EventKind kind() {
        return EventKind.FEATURES;
    }

    @Override
    public long a() {
        return accepted;
    }

    @Override
    public long b() {
        return written;
    }
}
