package io.vgpio.core;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Finds enum constants by their explicit wire number: the number traces store (docs/trace-format.md). Never the
 * ordinal, so that reordering or inserting constants cannot change what an old trace means.
 */
final class WireNumbers {
    private WireNumbers() {
    }

    /** A table indexed by wire number; fails at class initialisation if two constants share a number. */
    static <E extends Enum<E>> E[] index(E[] all, ToIntFunction<E> wire) {
        int max = -1;
        for (E e : all) {
            max = Math.max(max, wire.applyAsInt(e));
        }
        E[] byWire = Arrays.copyOf(all, max + 1);
        Arrays.fill(byWire, null);
        for (E e : all) {
            int w = wire.applyAsInt(e);
            if (w < 0 || byWire[w] != null) {
                throw new IllegalStateException("wire number " + w + " of " + e + " is negative or taken by "
                        + (w < 0 ? null : byWire[w]));
            }
            byWire[w] = e;
        }
        return byWire;
    }

    /** The constant with this wire number, or null for a number no constant has (e.g. one from a later version). */
    static <E> E lookup(E[] byWire, long wire) {
        return wire >= 0 && wire < byWire.length ? byWire[(int) wire] : null;
    }
}
