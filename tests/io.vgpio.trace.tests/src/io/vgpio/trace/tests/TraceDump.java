package io.vgpio.trace.tests;

import io.vgpio.core.Event;
import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ChainRejected;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.RuleViolation;
import io.vgpio.trace.TraceReader;

/**
 * A trace as text: the header, then one line per event with its raw fields and the names its numbers stand for.
 * The golden test compares this text, so it must not depend on wording that may change (EventFormat's sentences):
 * only numbers and enum constant names, which are what a trace must keep meaning forever.
 */
final class TraceDump {
    private TraceDump() {
    }

    static String dump(TraceReader.Trace t) {
        StringBuilder s = new StringBuilder();
        s.append("config: ").append(t.config().format().strip().replace("\n", " | ")).append('\n');
        s.append("wallClockStartMicros: ").append(t.wallClockStartMicros()).append('\n');
        s.append("events: ").append(t.events()).append('\n');
        s.append("dropped: ").append(t.dropped()).append('\n');
        for (long seq = 0; seq < t.events(); seq++) {
            Event e = t.log().get(seq);
            s.append(seq).append(' ').append(e.timeNanos()).append(' ').append(e.kind().name()).append(' ')
                    .append(e.line()).append(' ').append(e.a()).append(' ').append(e.b());
            String meaning = meaning(e);
            if (meaning != null) {
                s.append(' ').append(meaning);
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The enum constant an event's field names, for the kinds whose fields are enum numbers. */
    private static String meaning(Event e) {
        return switch (e.kind()) {
            case LEVEL -> name(Level.of(e).cause());
            case BUFFER_INVALID -> name(BufferInvalid.of(e).reason());
            case RULE_VIOLATION -> name(RuleViolation.of(e).rule());
            case CHAIN_ERROR -> name(ChainRejected.of(e).error());
            default -> null;
        };
    }

    private static String name(Enum<?> constant) {
        return constant == null ? "?" : constant.name();
    }
}
