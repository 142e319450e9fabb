package io.vgpio.vhost.tests;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.breakpoint.BreakpointCommands;
import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.fault.FaultCommands;
import io.vgpio.core.fault.FaultRules;
import io.vgpio.vhost.VhostUserBackend;
import io.vgpio.virtio.FaultInjector;
import io.vgpio.virtio.VirtioGpioDevice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The transport's part of a device, assembled as the device session does it (log → chip → virtio device → vhost-user
 * backend, with the control socket some tests talk to while the transport is busy, and the fault rules in front of
 * the chip), without the recorder,
 * stimulus scheduler and bindings that these tests do not exercise.
 */
final class ServedDevice implements AutoCloseable {
    private final DeviceConfig config;
    private final EventLog log;
    private final Chip chip;
    private final VhostUserBackend backend;
    private final ControlServer control;
    private final Breakpoints breakpoints;
    private final FaultRules faults;

    ServedDevice(DeviceConfig config, Path socket, Path controlPath, int logCapacity) {
        this.config = config;
        this.log = new EventLog(logCapacity);
        this.chip = new Chip(config, log);
        this.faults = new FaultRules(chip);
        VirtioGpioDevice device = new VirtioGpioDevice(chip, chipHandler -> new FaultInjector(chipHandler, faults));
        this.backend = new VhostUserBackend(socket, device);
        this.control = new ControlServer(controlPath, chip, () -> backend.connected() ? "attached" : "none");
        FaultCommands.addTo(control, faults);
        this.breakpoints = new Breakpoints(chip);
        breakpoints.attach(device.gate());
        new BreakpointCommands(breakpoints).addTo(control);
    }

    void start() throws IOException {
        backend.start();
        control.start();
    }

    DeviceConfig config() {
        return config;
    }

    EventLog log() {
        return log;
    }

    Chip chip() {
        return chip;
    }

    Breakpoints breakpoints() {
        return breakpoints;
    }

    VhostUserBackend backend() {
        return backend;
    }

    FaultRules faults() {
        return faults;
    }

    ControlServer control() {
        return control;
    }

    @Override
    public void close() {
        control.close();
        backend.close();
        faults.close();
    }
}
