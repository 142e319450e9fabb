package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/**
 * A bound physical line reported an edge: a = new level (active-low inverts), b = ns from the kernel's timestamp
 * of the edge to the record, so the event's time minus b is the kernel's time.
 */
public record HwEdge(long level, long sinceKernelNanos) implements EventPayload {
    public static HwEdge of(long a, long b) {
        return new HwEdge(a, b);
    }

    public static HwEdge of(Event e) {
        return of(Kinds.expect(e, EventKind.HW_EDGE).a(), e.b());
    }

    public boolean rising() {
        return level == 1;
    }

    @Override
    public EventKind kind() {
        return EventKind.HW_EDGE;
    }

    @Override
    public long a() {
        return level;
    }

    @Override
    public long b() {
        return sinceKernelNanos;
    }
}
