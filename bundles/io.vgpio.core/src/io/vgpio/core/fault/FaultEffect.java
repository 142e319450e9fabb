package io.vgpio.core.fault;

import java.util.Locale;

/**
 * What a fault rule does when it fires: one of the {@link Kind}s with its parameters ({@code delay:MICROSECONDS},
 * {@code stuck:LEVEL}, {@code glitch:WIDTH_US:RATE_PER_S}). The text form is the one the spec's {@code effect=}
 * takes, and {@link #text()} gives it back the same.
 *
 * @param first  the delay in µs, the stuck level, or the glitch width in µs; 0 for the others
 * @param second the glitch rate per second; 0 for the others
 */
public record FaultEffect(Kind kind, long first, long second) {
    /** Longest delay: one minute, as the longest pulse. */
    public static final long MAX_DELAY_MICROS = 60_000_000L;
    /** Most glitches a second: far beyond what a guest can follow, few enough to keep the timer thread idle. */
    public static final long MAX_GLITCH_RATE = 10_000L;

    /** The effects, each with its number in FAULT events and traces (fixed forever) and whether it acts on requests. */
    public enum Kind {
        /** Answer status ERR; the operation is not applied. */
        ERR(0, true),
        /** Answer after a delay (the operation is applied then). */
        DELAY(1, true),
        /** Answer only when the rule is deleted. */
        HANG(2, true),
        /** Answer with a used length one byte short. */
        SHORT_LENGTH(3, true),
        /** An edge happens on the line but its interrupt is not reported. */
        DROP_IRQ(4, false),
        /** An interrupt is reported, and the next eventq buffer armed on the line gets it again. */
        DUP_IRQ(5, false),
        /** An armed eventq buffer completes with no edge. */
        SPURIOUS_IRQ(6, false),
        /** The line's input stays at one level: stimulus is ignored while the rule lives. */
        STUCK(7, false),
        /** Seeded pulses of a width at a mean rate. */
        GLITCH(8, false);

        private final int wire;
        private final boolean onRequest;

        Kind(int wire, boolean onRequest) {
            this.wire = wire;
            this.onRequest = onRequest;
        }

        /** The effect's number in FAULT events and traces; fixed forever. */
        public int wire() {
            return wire;
        }

        /** True for effects on requests ({@code on=request}), false for effects on lines ({@code on=line}). */
        public boolean onRequest() {
            return onRequest;
        }

        /** The word in a spec: {@code err}, {@code short-length}, {@code drop-irq}, ... */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind with this wire number, or null. */
        public static Kind fromWire(long wire) {
            for (Kind k : values()) {
                if (k.wire == wire) {
                    return k;
                }
            }
            return null;
        }

        static Kind fromWord(String word) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    public static FaultEffect of(Kind kind) {
        return new FaultEffect(kind, 0, 0);
    }

    /** The delay of a {@link Kind#DELAY}, in µs. */
    public long delayMicros() {
        return first;
    }

    /** The level a {@link Kind#STUCK} line stays at. */
    public int stuckLevel() {
        return (int) first;
    }

    /** The pulse width of a {@link Kind#GLITCH}, in µs. */
    public long glitchWidthMicros() {
        return first;
    }

    /** The mean pulses a second of a {@link Kind#GLITCH}. */
    public long glitchRate() {
        return second;
    }

    /** As the spec writes it: {@code err}, {@code delay:500}, {@code stuck:1}, {@code glitch:50:10}. */
    public String text() {
        return switch (kind) {
            case DELAY, STUCK -> kind.word() + ":" + first;
            case GLITCH -> kind.word() + ":" + first + ":" + second;
            default -> kind.word();
        };
    }
}
