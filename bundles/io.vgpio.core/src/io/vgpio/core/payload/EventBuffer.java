package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** The guest queued an eventq buffer for a line (unmask): a = descriptor head index, b = 0. */
public record EventBuffer(long head) implements EventPayload {
    public static EventBuffer of(long a, long b) {
        return new EventBuffer(a);
    }

    public static EventBuffer of(Event e) {
        return of(Kinds.expect(e, EventKind.EVENT_BUFFER).a(), e.b());
    }

    @Override
    public EventKind kind() {
        return EventKind.EVENT_BUFFER;
    }

    @Override
    public long a() {
        return head;
    }

    @Override
    public long b() {
        return 0;
    }
}
