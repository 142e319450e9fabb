package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.MessageType;

/**
 * A requestq message arrived: a = message type &lt;&lt; 32 | value (u32), b = descriptor head index.
 *
 * @param type  the message type as the guest sent it (known or not, see {@link #messageType()})
 * @param value the request's u32 value
 */
public record Request(int type, long value, long head) implements EventPayload {
    public static Request of(long a, long b) {
        return new Request((int) (a >>> 32), a & 0xffff_ffffL, b);
    }

    public static Request of(Event e) {
        return of(Kinds.expect(e, EventKind.REQUEST).a(), e.b());
    }

    /** The message type, or null for a number that is none. */
    public MessageType messageType() {
        return MessageType.fromWire(type);
    }

    @Override
    public EventKind kind() {
        return EventKind.REQUEST;
    }

    @Override
    public long a() {
        return (long) type << 32 | value & 0xffff_ffffL;
    }

    @Override
    public long b() {
        return head;
    }
}
