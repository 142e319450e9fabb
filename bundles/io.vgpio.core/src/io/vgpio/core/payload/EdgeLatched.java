package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** An edge was latched because no eventq buffer was held: a = new level, b = 0. */
public record EdgeLatched(long level) implements EventPayload {
    public static EdgeLatched of(long a, long b) {
        return new EdgeLatched(a);
    }

    public static EdgeLatched of(Event e) {
        return of(Kinds.expect(e, EventKind.EDGE_LATCHED).a(), e.b());
    }

    @Override
    public EventKind kind() {
        return EventKind.EDGE_LATCHED;
    }

    @Override
    public long a() {
        return level;
    }

    @Override
    public long b() {
        return 0;
    }
}
