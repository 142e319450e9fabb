package io.vgpio.core.breakpoint;

/**
 * The device is held by a breakpoint.
 *
 * @param id  the breakpoint that holds it (the latest that hit, when several did while it was held)
 * @param seq the sequence number of that hit's BREAKPOINT_HIT event
 */
public record Halt(int id, long seq) {
}
