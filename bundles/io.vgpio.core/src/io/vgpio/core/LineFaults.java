package io.vgpio.core;

/**
 * Where fault rules (issue 13) stand in the chip's inputs and interrupt flow. The chip asks at each decision and
 * does what the answer says; a "yes" means a rule fired, which has logged its FAULT event. Every method runs under
 * the chip's monitor, so it must be quick and must not wait for another thread.
 */
public interface LineFaults {
    /** No faults: the chip behaves as the specification says. */
    LineFaults NONE = new LineFaults() {
    };

    /** True to ignore an input change on this line (it is stuck). Not asked for changes a fault itself makes. */
    default boolean ignoresInput(int line) {
        return false;
    }

    /** True to swallow this interrupt: the edge stays on the line, the held buffer stays held. */
    default boolean dropsInterrupt(int line) {
        return false;
    }

    /** True to report this interrupt again on the next eventq buffer the guest arms for the line. */
    default boolean duplicatesInterrupt(int line) {
        return false;
    }

    /** True to complete the buffer just armed (or already held) for this line at once, with no edge. */
    default boolean spuriousInterrupt(int line) {
        return false;
    }
}
