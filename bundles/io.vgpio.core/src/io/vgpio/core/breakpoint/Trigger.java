package io.vgpio.core.breakpoint;

import io.vgpio.core.EventKind;
import java.util.Locale;

/** The kind of event a breakpoint waits for: the {@code on=} word of a spec. */
public enum Trigger {
    REQUEST(EventKind.REQUEST),
    RESPONSE(EventKind.RESPONSE),
    LEVEL(EventKind.LEVEL),
    INTERRUPT(EventKind.INTERRUPT),
    /** An eventq buffer returned INVALID. */
    INVALID(EventKind.BUFFER_INVALID),
    VIOLATION(EventKind.RULE_VIOLATION),
    CHAIN_ERROR(EventKind.CHAIN_ERROR),
    CONNECT(EventKind.CONNECTION),
    DISCONNECT(EventKind.CONNECTION);

    private final EventKind kind;

    Trigger(EventKind kind) {
        this.kind = kind;
    }

    /** The event kind it looks at. */
    public EventKind kind() {
        return kind;
    }

    /** The word in a spec: request, chain-error, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The trigger a spec word names, or null. */
    public static Trigger fromWord(String word) {
        for (Trigger t : values()) {
            if (t.word().equals(word)) {
                return t;
            }
        }
        return null;
    }
}
