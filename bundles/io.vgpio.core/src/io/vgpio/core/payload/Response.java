package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;

/**
 * A requestq response was returned: a = message type (u16) &lt;&lt; 16 | status (u8) &lt;&lt; 8 | value (u8),
 * b = latency in ns.
 */
public record Response(int type, int status, int value, long latencyNanos) implements EventPayload {
    public static Response of(long a, long b) {
        return new Response((int) (a >>> 16) & 0xffff, (int) (a >>> 8) & 0xff, (int) a & 0xff, b);
    }

    public static Response of(Event e) {
        return of(Kinds.expect(e, EventKind.RESPONSE).a(), e.b());
    }

    public boolean ok() {
        return status == Protocol.STATUS_OK;
    }

    /** The message type, or null for a number that is none. */
    public MessageType messageType() {
        return MessageType.fromWire(type);
    }

    @Override
    public EventKind kind() {
        return EventKind.RESPONSE;
    }

    @Override
    public long a() {
        return (long) (type & 0xffff) << 16 | (status & 0xff) << 8 | value & 0xff;
    }

    @Override
    public long b() {
        return latencyNanos;
    }
}
