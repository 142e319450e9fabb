package io.vgpio.ui.debug;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.Trigger;

/**
 * How a breakpoint reads in the Breakpoints view, the Debug view and the status line, e.g.
 * {@code line 3 LED: SET_VALUE request — hold (hits 2)}: where, what, then what it does.
 */
public final class BreakpointLabels {
    private BreakpointLabels() {
    }

    /** The full label with the hit count. */
    public static String text(BreakpointSpec spec, DeviceConfig config, long hits) {
        StringBuilder s = new StringBuilder(where(spec, config)).append(": ").append(what(spec))
                .append(" \u2014 ").append(spec.action().word());
        if (spec.ignore() > 0) {
            s.append(", ignore ").append(spec.ignore());
        }
        return s.append(" (hits ").append(hits).append(')').toString();
    }

    /** The line, with its name when the device has one: {@code line 3 LED}, or {@code any line}. */
    public static String where(BreakpointSpec spec, DeviceConfig config) {
        if (spec.line() == null) {
            return "any line";
        }
        int index = config == null ? -1 : config.lineIndex(spec.line());
        if (index < 0) {
            return "line " + spec.line();
        }
        String name = config.name(index);
        return "line " + index + (name.isEmpty() ? "" : " " + name);
    }

    /** The condition without the line: {@code SET_VALUE request}, {@code level change to 1}, {@code interrupt}. */
    public static String what(BreakpointSpec spec) {
        Trigger on = spec.on();
        StringBuilder s = new StringBuilder();
        switch (on) {
            case REQUEST, RESPONSE -> {
                s.append(spec.type() == null ? "any" : spec.type().name()).append(' ').append(on.word());
                if (spec.ok() != null) {
                    s.append(spec.ok() ? " OK" : " ERR");
                }
            }
            case LEVEL -> s.append("level change");
            case INTERRUPT -> s.append("interrupt");
            case INVALID -> s.append("eventq buffer returned INVALID");
            case VIOLATION -> s.append(spec.rule() == null ? "driver-rule violation" : "violation of " + spec.rule());
            case CHAIN_ERROR -> s.append("malformed chain");
            case CONNECT -> s.append("frontend connects");
            case DISCONNECT -> s.append("frontend leaves");
        }
        if (spec.value() != null) {
            s.append(" to ").append(spec.value());
        }
        if (spec.cause() != null) {
            s.append(" by ").append(spec.cause().word());
        }
        return s.toString();
    }
}
