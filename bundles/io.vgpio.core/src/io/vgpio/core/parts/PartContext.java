package io.vgpio.core.parts;

import io.vgpio.core.payload.PartEvent;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a part is given: its name and id, the nets it drives and watches, and the timer thread its timed actions
 * (bounce, press duration, clock, encoder steps) run on: one thread for every part of a device, so they never wait
 * under the chip's monitor.
 */
public record PartContext(String name, int id, Nets nets, ScheduledExecutorService timer) {
    /** Logs a part event under the chip's monitor, so it lands in the chip's order. */
    public void event(int line, PartAction action, long value) {
        nets.chip().runLocked(() -> nets.chip().log().append(line, new PartEvent(id, action, value)));
    }
}
