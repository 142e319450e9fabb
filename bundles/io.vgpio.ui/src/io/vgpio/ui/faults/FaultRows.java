package io.vgpio.ui.faults;

import io.vgpio.core.fault.FaultFrequency;
import io.vgpio.core.fault.FaultRule;
import io.vgpio.core.fault.FaultSpec;

/** The Faults view's cells of one rule: id, match, effect, hits, remaining, state. */
final class FaultRows {
    static final String[] COLUMNS = {"Id", "Match", "Effect", "Hits", "Remaining", "State"};
    static final int[] WIDTHS = {40, 280, 150, 60, 100, 90};

    private FaultRows() {
    }

    static String[] cells(FaultRule rule) {
        return new String[] {Integer.toString(rule.id()), match(rule.spec()), rule.spec().effect().text(),
            Long.toString(rule.hits()), rule.remaining() < 0 ? "\u221e" : Long.toString(rule.remaining()),
            rule.spent() ? "spent" : rule.enabled() ? "enabled" : "disabled"};
    }

    /** What the rule matches and how often: {@code request GET_VALUE line 3, count=1}. */
    static String match(FaultSpec spec) {
        StringBuilder s = new StringBuilder(spec.onRequest() ? "request" : "line");
        if (spec.type() != null) {
            s.append(' ').append(spec.type().name());
        }
        if (spec.onRequest()) {
            s.append(spec.line() == FaultSpec.ANY_LINE ? " any line" : " line " + spec.line());
        } else {
            s.append(' ').append(spec.line());
        }
        if (spec.frequency().mode() != FaultFrequency.Mode.ALWAYS) {
            s.append(", ").append(spec.frequency().text());
        }
        return s.toString();
    }
}
