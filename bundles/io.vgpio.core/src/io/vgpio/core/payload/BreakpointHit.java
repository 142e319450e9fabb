package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.breakpoint.Action;

/**
 * A breakpoint hit: a = action wire number &lt;&lt; 32 | breakpoint id, b = sequence number of the event that hit.
 * A {@code log} breakpoint (a tracepoint) records the same event with its own action, so a reader tells a marker
 * from a hold by {@link #action()}.
 */
public record BreakpointHit(int id, int actionWire, long hitSeq) implements EventPayload {
    public BreakpointHit(int id, Action action, long hitSeq) {
        this(id, action.wire(), hitSeq);
    }

    public static BreakpointHit of(long a, long b) {
        return new BreakpointHit((int) a, (int) (a >>> 32), b);
    }

    public static BreakpointHit of(Event e) {
        return of(Kinds.expect(e, EventKind.BREAKPOINT_HIT).a(), e.b());
    }

    /** The action, or null for a number that is none (a trace from a later version). */
    public Action action() {
        return Action.fromWire(actionWire);
    }

    /** "hold", "pause-guest", "log", or the number for an unknown action. */
    public String actionWord() {
        Action a = action();
        return a != null ? a.word() : "action " + actionWire;
    }

    @Override
    public EventKind kind() {
        return EventKind.BREAKPOINT_HIT;
    }

    @Override
    public long a() {
        return (long) actionWire << 32 | id & 0xffff_ffffL;
    }

    @Override
    public long b() {
        return hitSeq;
    }
}
