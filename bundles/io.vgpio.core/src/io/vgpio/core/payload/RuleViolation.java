package io.vgpio.core.payload;

import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;

/**
 * The guest broke a driver-normative statement: a = {@link DriverRule#wire()}, b = the message type of the
 * request that broke it, or 0 when no request did (a chain's layout, an eventq buffer).
 */
public record RuleViolation(long ruleWire, long messageType) implements EventPayload {
    public RuleViolation(DriverRule rule, long messageType) {
        this(rule.wire(), messageType);
    }

    public static RuleViolation of(long a, long b) {
        return new RuleViolation(a, b);
    }

    public static RuleViolation of(Event e) {
        return of(Kinds.expect(e, EventKind.RULE_VIOLATION).a(), e.b());
    }

    /** The rule, or null for a number that is none. */
    public DriverRule rule() {
        return DriverRule.fromWire(ruleWire);
    }

    /** True if a requestq message broke the rule (its type is then {@link #messageType()}). */
    public boolean byMessage() {
        return messageType != 0;
    }

    @Override
    public EventKind kind() {
        return EventKind.RULE_VIOLATION;
    }

    @Override
    public long a() {
        return ruleWire;
    }

    @Override
    public long b() {
        return messageType;
    }
}
