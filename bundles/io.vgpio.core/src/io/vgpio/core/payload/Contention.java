package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/**
 * Two strong drivers of a net disagree: a = the id + 1 of the part driving high, b = the id + 1 of the part driving
 * low; 0 stands for the guest.
 */
public record Contention(long highDriver, long lowDriver) implements EventPayload {
    /** The number that stands for the guest among the drivers. */
    public static final long GUEST = 0;

    public static Contention of(long a, long b) {
        return new Contention(a, b);
    }

    public static Contention of(Event e) {
        return of(Kinds.expect(e, EventKind.CONTENTION).a(), e.b());
    }

    /** The driver number of a part: its id + 1. */
    public static long driverOf(int partId) {
        return partId + 1L;
    }

    /** Text for a driver number: "the guest" or "part #ID". */
    public static String describe(long driver) {
        return driver == GUEST ? "the guest" : "part #" + (driver - 1);
    }

    @Override
    public EventKind kind() {
        return EventKind.CONTENTION;
    }

    @Override
    public long a() {
        return highDriver;
    }

    @Override
    public long b() {
        return lowDriver;
    }
}
