package io.vgpio.core.fault;

import io.vgpio.core.MessageType;
import java.util.StringJoiner;

/**
 * One fault rule as the user wrote it (the control socket's {@code fault add SPEC}, a configuration file's
 * {@code fault.N = SPEC}), checked: {@link FaultSpecParser} makes it, {@link #text()} writes it back in a fixed
 * order that parses to an equal spec.
 *
 * @param onRequest true for {@code on=request} (the requestq), false for {@code on=line} (a line and its interrupts)
 * @param type      the message type a request must have, or null for any
 * @param line      the line the rule concerns, or {@link #ANY_LINE} (requests only: a line rule names one)
 * @param seed      seeds the generator of {@code prob=} and of a glitch's pulse times (0 unless given)
 */
public record FaultSpec(boolean onRequest, MessageType type, int line, FaultEffect effect, FaultFrequency frequency,
        long seed) {
    public static final int ANY_LINE = -1;

    /** True when this rule concerns a request of this type for this line. */
    public boolean matchesRequest(int wireType, int requestLine) {
        return onRequest && (type == null || type.wireValue() == wireType)
                && (line == ANY_LINE || (line == requestLine && wireType != MessageType.GET_LINE_NAMES.wireValue()));
    }

    /** True when this rule acts on this line with this effect. */
    public boolean acts(int onLine, FaultEffect.Kind kind) {
        return !onRequest && line == onLine && effect.kind() == kind;
    }

    /** The canonical text: {@code on=request type=get-value line=3 effect=err count=1}. */
    public String text() {
        StringJoiner s = new StringJoiner(" ");
        s.add("on=" + (onRequest ? "request" : "line"));
        if (type != null) {
            s.add("type=" + FaultSpecParser.typeWord(type));
        }
        if (line != ANY_LINE) {
            s.add("line=" + line);
        }
        s.add("effect=" + effect.text());
        if (frequency.mode() != FaultFrequency.Mode.ALWAYS) {
            s.add(frequency.text());
        }
        if (seed != 0 || frequency.mode() == FaultFrequency.Mode.PROBABILITY
                || effect.kind() == FaultEffect.Kind.GLITCH) {
            s.add("seed=" + seed);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
