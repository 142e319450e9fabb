package io.vgpio.core;

import io.vgpio.core.payload.ConnectionChange;

/**
 * Whether a guest's frontend was attached at a position of an event log, as its CONNECTION events tell. The
 * transport logs a connection after it starts serving it and a disconnection before it stops, so its own flag
 * differs from the log around those moments; a recording that starts at a log position must agree with the
 * log, or it would lose (or double) the event that changed it.
 */
public final class FrontendHistory {
    private FrontendHistory() {
    }

    /**
     * @return true or false as the last CONNECTION event before {@code seq} says, or null when the log holds none
     *         (none happened, or the ring dropped it)
     */
    public static Boolean attachedBefore(EventLog log, long seq) {
        Boolean[] attached = {null};
        long from = log.firstSeq();
        while (from < seq) {
            long next = log.read(from, (int) Math.min(65536, seq - from), (s, t, kind, line, a, b) -> {
                if (s < seq && kind == EventKind.CONNECTION) { // the ring may have moved the read past seq
                    attached[0] = ConnectionChange.of(a, b).connected();
                }
            });
            if (next == from) {
                break;
            }
            from = next;
        }
        return attached[0];
    }
}
