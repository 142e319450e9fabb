package io.vgpio.core.breakpoint;

import io.vgpio.core.EventKind;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.core.payload.RuleViolation;

/** A spec's condition with its line resolved on one device: tests one event, allocating nothing. */
final class Condition {
    private final BreakpointSpec spec;
    private final int line;

    /** @param line the device's line, or -1 for any */
    Condition(BreakpointSpec spec, int line) {
        this.spec = spec;
        this.line = line;
    }

    boolean matches(EventKind kind, int eventLine, long a, long b) {
        if (kind != spec.on().kind() || line >= 0 && eventLine != line) {
            return false;
        }
        return switch (spec.on()) {
            case REQUEST -> spec.type() == null || Request.of(a, b).type() == spec.type().wireValue();
            case RESPONSE -> {
                Response r = Response.of(a, b);
                yield (spec.type() == null || r.type() == spec.type().wireValue())
                        && (spec.ok() == null || r.ok() == spec.ok());
            }
            case LEVEL -> {
                Level l = Level.of(a, b);
                yield (spec.value() == null || l.level() == spec.value())
                        && (spec.cause() == null || l.cause() == spec.cause());
            }
            case INTERRUPT -> spec.value() == null || Interrupt.of(a, b).level() == spec.value();
            case VIOLATION -> spec.rule() == null || RuleViolation.of(a, b).rule() == spec.rule();
            case CONNECT -> ConnectionChange.of(a, b).connected();
            case DISCONNECT -> !ConnectionChange.of(a, b).connected();
            case INVALID, CHAIN_ERROR -> true;
        };
    }
}
