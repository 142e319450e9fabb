package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** A frontend connected (a = 1) or disconnected (a = 0); b = 0. */
public record ConnectionChange(boolean connected) implements EventPayload {
    public static ConnectionChange of(long a, long b) {
        return new ConnectionChange(a == 1);
    }

    public static ConnectionChange of(Event e) {
        return of(Kinds.expect(e, EventKind.CONNECTION).a(), e.b());
    }

    @Override
    public EventKind kind() {
        return EventKind.CONNECTION;
    }

    @Override
    public long a() {
        return connected ? 1 : 0;
    }

    @Override
    public long b() {
        return 0;
    }
}
