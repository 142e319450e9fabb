package io.vgpio.core.payload;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/** The check every {@code X.of(Event)} makes before decoding: a payload read as the wrong kind is a bug. */
final class Kinds {
    private Kinds() {
    }

    static Event expect(Event e, EventKind kind) {
        if (e.kind() != kind) {
            throw new IllegalArgumentException("not a " + kind + " event: " + e);
        }
        return e;
    }
}
