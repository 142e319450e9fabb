package io.vgpio.core.fault;

import java.math.BigDecimal;

/**
 * How often a matching rule fires: every time, the next {@code count=N} matches (then it is spent), every Nth match
 * ({@code every=N}), or with probability P from a seeded generator ({@code prob=P}, so a run can be repeated).
 *
 * @param n           the count or the period; 0 for the others
 * @param probability the chance of firing for {@link Mode#PROBABILITY}; 1 for the others
 */
public record FaultFrequency(Mode mode, long n, double probability) {
    public enum Mode {
        ALWAYS, COUNT, EVERY, PROBABILITY
    }

    public static final FaultFrequency ALWAYS = new FaultFrequency(Mode.ALWAYS, 0, 1);

    public static FaultFrequency count(long n) {
        return new FaultFrequency(Mode.COUNT, n, 1);
    }

    public static FaultFrequency every(long n) {
        return new FaultFrequency(Mode.EVERY, n, 1);
    }

    public static FaultFrequency probability(double p) {
        return new FaultFrequency(Mode.PROBABILITY, 0, p);
    }

    /** As the spec writes it ({@code count=3}, {@code every=2}, {@code prob=0.25}), or "" for always. */
    public String text() {
        return switch (mode) {
            case ALWAYS -> "";
            case COUNT -> "count=" + n;
            case EVERY -> "every=" + n;
            case PROBABILITY -> "prob=" + BigDecimal.valueOf(probability).stripTrailingZeros().toPlainString();
        };
    }
}
