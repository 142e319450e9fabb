package io.vgpio.core;

import java.util.List;

/**
 * The device's state at one moment of its event log: what a recording started in the middle of a session cannot
 * learn from the events it records (they only tell changes), so it keeps it as its starting point. Readers start
 * from it: the state of the trace's first instant is this, and each recorded event changes it as it changed the
 * chip.
 *
 * @param seq the sequence number of the first event after the moment: every event before it is reflected in the
 *            state, none from it on
 * @param timeNanos the moment, on the log's clock
 * @param lines every line's state ({@link LineState#line()} is its index)
 * @param frontendAttached a guest's frontend (QEMU) was connected
 * @param acceptedFeatures the feature bits the driver accepted (0 when none were negotiated)
 * @param bindings the bindings of lines to physical GPIO lines, one describing line each, in line order
 */
public record DeviceState(long seq, long timeNanos, List<LineState> lines, boolean frontendAttached,
        long acceptedFeatures, List<String> bindings) {
    public DeviceState {
        lines = List.copyOf(lines);
        bindings = List.copyOf(bindings);
    }

    /** The same state with the frontend, features and bindings the chip does not know. */
    public DeviceState with(boolean attached, long accepted, List<String> bound) {
        return new DeviceState(seq, timeNanos, lines, attached, accepted, bound);
    }

    /** The state of a chip just made: every line released, inputs low, no frontend. */
    public static DeviceState reset(DeviceConfig config, long seq, long timeNanos) {
        List<LineState> all = new java.util.ArrayList<>(config.lines());
        for (int i = 0; i < config.lines(); i++) {
            all.add(new LineState(i, config.name(i), Direction.NONE, 0, 0, 0, IrqType.NONE, false, false));
        }
        return new DeviceState(seq, timeNanos, all, false, 0, List.of());
    }
}
