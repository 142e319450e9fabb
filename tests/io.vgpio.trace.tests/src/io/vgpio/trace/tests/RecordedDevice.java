package io.vgpio.trace.tests;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.payload.Features;
import io.vgpio.trace.Recordings;
import java.util.List;

/**
 * A chip driven as the virtio device drives it (a frontend connects, the guest sets lines and arms interrupts,
 * the user sets inputs), with a {@link Recordings} that takes its start state as the device session does.
 */
final class RecordedDevice {
    static final long FEATURES = 1L << 32 | 1;

    final DeviceConfig config;
    final EventLog log = new EventLog(1 << 16);
    final Chip chip;
    final Recordings recordings;

    RecordedDevice() throws Exception {
        config = DeviceConfig.builder().lines(8).namesList("LED,BUTTON,RELAY,,ALARM").build();
        chip = new Chip(config, log);
        recordings = new Recordings(config, log, this::state);
    }

    /** As DeviceSession.state(): the chip's snapshot, the frontend as the log tells it, the features. */
    DeviceState state() {
        DeviceState s = chip.snapshot();
        return s.with(s.frontendAttached(), FEATURES, List.of("3 active in gpiochip9:3: test binding"));
    }

    /**
     * The session before Record is pressed: a guest attached; line 1 (BUTTON) an input armed for both edges with an
     * eventq buffer held; line 2 (RELAY) an output set high; line 3 an input held high by the user; line 4 (ALARM)
     * an input watching rising edges whose edge came while no buffer was held (latched).
     */
    void setUpSession() {
        chip.frontendChanged(true);
        log.append(Event.NO_LINE, new Features(FEATURES, FEATURES));
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(1, 17);
        chip.guestSetValue(2, 1);
        chip.guestSetDirection(2, Direction.OUT);
        chip.setInput(3, 1, Cause.USER);
        chip.guestSetDirection(4, Direction.IN);
        chip.guestSetIrqType(4, IrqType.EDGE_RISING);
        chip.setInput(4, 1, Cause.USER);
    }
}
