package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.Protocol;

/** A descriptor chain could not be used: a = queue index, b = {@link EventKind.ChainError#wire()}. */
public record ChainRejected(long queue, long errorWire) implements EventPayload {
    public ChainRejected(int queue, EventKind.ChainError error) {
        this(queue, error.wire());
    }

    public static ChainRejected of(long a, long b) {
        return new ChainRejected(a, b);
    }

    public static ChainRejected of(Event e) {
        return of(Kinds.expect(e, EventKind.CHAIN_ERROR).a(), e.b());
    }

    /** What was wrong, or null for a number that is no error. */
    public EventKind.ChainError error() {
        return EventKind.ChainError.fromWire(errorWire);
    }

    public boolean eventq() {
        return queue == Protocol.EVENT_QUEUE;
    }

    @Override
    public EventKind kind() {
        return EventKind.CHAIN_ERROR;
    }

    @Override
    public long a() {
        return queue;
    }

    @Override
    public long b() {
        return errorWire;
    }
}
