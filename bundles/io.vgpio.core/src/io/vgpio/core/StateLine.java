package io.vgpio.core;

/**
 * One line's state as text: {@code NUMBER NAME DIRECTION LEVEL IRQTYPE}, with {@code -} for an unnamed line. The
 * control socket's {@code state} answer and {@code vgpio trace info}'s state at the start of a recording both print
 * it, so a script reads either the same way.
 */
public final class StateLine {
    private StateLine() {
    }

    public static String format(LineState s) {
        return s.line() + " " + (s.name().isEmpty() ? "-" : s.name()) + " " + s.direction().word() + " " + s.level()
                + " " + s.irqType().word();
    }
}
