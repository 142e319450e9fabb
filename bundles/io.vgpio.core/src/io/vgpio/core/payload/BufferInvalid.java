package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** An eventq buffer was returned INVALID: a = {@link EventKind.InvalidReason#wire()}, b = head index. */
public record BufferInvalid(long reasonWire, long head) implements EventPayload {
    public BufferInvalid(EventKind.InvalidReason reason, long head) {
        this(reason.wire(), head);
    }

    public static BufferInvalid of(long a, long b) {
        return new BufferInvalid(a, b);
    }

    public static BufferInvalid of(Event e) {
        return of(Kinds.expect(e, EventKind.BUFFER_INVALID).a(), e.b());
    }

    /** Why, or null for a number that is no reason. */
    public EventKind.InvalidReason reason() {
        return EventKind.InvalidReason.fromWire(reasonWire);
    }

    @Override
    public EventKind kind() {
        return EventKind.BUFFER_INVALID;
    }

    @Override
    public long a() {
        return reasonWire;
    }

    @Override
    public long b() {
        return head;
    }
}
