package io.vgpio.core.parts;

import java.util.Arrays;
import java.util.Random;

/**
 * A contact's bounce profile, {@code bounce=TRANSITIONS:DURATION}: that many level changes at random times within
 * the duration after the contact moves, then its final level. The part's seed makes the times the same on every run.
 */
record Bounce(int transitions, long nanos) {
    static final Bounce NONE = new Bounce(0, 0);

    static Bounce parse(String key, String text) throws PartException {
        if (text == null) {
            return NONE;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new PartException(key + "=" + text + " should be TRANSITIONS:DURATION, e.g. " + key + "=8:5ms");
        }
        int t = (int) PartArgs.number(key + " transitions", text.substring(0, colon), 0, 1000);
        long d = PartArgs.duration(key, text.substring(colon + 1));
        if (t > d / 1_000) {
            throw new PartException(key + "=" + text + ": at most one transition a microsecond; lengthen the duration");
        }
        return new Bounce(t, d);
    }

    boolean none() {
        return transitions == 0;
    }

    /** The times of the transitions, in nanoseconds after the contact moved, ascending and distinct. */
    long[] times(Random random) {
        long[] t = new long[transitions];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1 + (long) (random.nextDouble() * (nanos - 1));
        }
        Arrays.sort(t);
        return t;
    }

    String describe() {
        return transitions + ":" + (nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos / 1_000 + "us");
    }
}
