package io.vgpio.gpiocdev;

/**
 * One edge read from a line request (struct gpio_v2_line_event).
 *
 * @param timestampNanos when the kernel saw the edge, CLOCK_MONOTONIC (the clock of {@link System#nanoTime()})
 *        unless the request asked for another event clock
 * @param rising true for a rising edge (inactive to active, so active-low inverts the physical edge)
 * @param offset the line's offset on the chip
 * @param seqno sequence number among all lines of the request
 * @param lineSeqno sequence number on this line; a gap means the kernel's event buffer overflowed
 */
public record EdgeEvent(long timestampNanos, boolean rising, int offset, long seqno, long lineSeqno) {
    /** The line's logical level after the edge. */
    public int level() {
        return rising ? 1 : 0;
    }
}
