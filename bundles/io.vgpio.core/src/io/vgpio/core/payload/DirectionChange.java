package io.vgpio.core.payload;

import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** A line's direction changed: a = {@link Direction#wireValue()}, b = 0. */
public record DirectionChange(long directionWire) implements EventPayload {
    public DirectionChange(Direction direction) {
        this(direction.wireValue());
    }

    public static DirectionChange of(long a, long b) {
        return new DirectionChange(a);
    }

    public static DirectionChange of(Event e) {
        return of(Kinds.expect(e, EventKind.DIRECTION).a(), e.b());
    }

    /** The new direction, or null for a number that is none. */
    public Direction direction() {
        return Direction.fromWire(directionWire);
    }

    @Override
    public EventKind kind() {
        return EventKind.DIRECTION;
    }

    @Override
    public long a() {
        return directionWire;
    }

    @Override
    public long b() {
        return 0;
    }
}
