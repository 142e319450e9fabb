package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.parts.PartAction;

/**
 * A simulated part acted or changed state: a = the action's wire number &lt;&lt; 32 | the part's id, b = the action's
 * value (see {@link PartAction} for what each value means).
 */
public record PartEvent(long partId, long actionWire, long value) implements EventPayload {
    public PartEvent(int partId, PartAction action, long value) {
        this(partId, action.wire(), value);
    }

    public static PartEvent of(long a, long b) {
        return new PartEvent(a & 0xffff_ffffL, a >>> 32, b);
    }

    public static PartEvent of(Event e) {
        return of(Kinds.expect(e, EventKind.PART_EVENT).a(), e.b());
    }

    /** What the part did, or null for a number that is none. */
    public PartAction action() {
        return PartAction.fromWire(actionWire);
    }

    @Override
    public EventKind kind() {
        return EventKind.PART_EVENT;
    }

    @Override
    public long a() {
        return actionWire << 32 | partId;
    }

    @Override
    public long b() {
        return value;
    }
}
