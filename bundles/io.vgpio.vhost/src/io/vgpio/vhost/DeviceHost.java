package io.vgpio.vhost;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.sockets.SocketDirectory;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.virtio.VirtioGpioDevice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A running device: the chip, its event log, the virtio-gpio device, the vhost-user socket and (optionally) the
 * control socket, started and stopped together. The CLI's {@code serve} and the workbench both run one.
 */
public final class DeviceHost implements AutoCloseable {
    private final DeviceConfig config;
    private final EventLog log;
    private final Chip chip;
    /** The device's one scheduler: the workbench's views and the control socket all queue their stimuli here. */
    private final StimulusScheduler stimulus;
    private final VirtioGpioDevice device;
    private final VhostUserBackend backend;
    private final ControlServer control;

    /**
     * @param controlPath where to serve the control socket, or null for none
     */
    public DeviceHost(DeviceConfig config, Path socket, Path controlPath, int logCapacity) {
        this.config = config;
        this.log = new EventLog(logCapacity);
        this.chip = new Chip(config, log);
        this.stimulus = new StimulusScheduler(chip);
        this.device = new VirtioGpioDevice(chip);
        this.backend = new VhostUserBackend(socket, device);
        this.control = controlPath == null ? null
                : new ControlServer(controlPath, stimulus, () -> backend.connected() ? "attached" : "none");
    }

    /**
     * Serves the vhost-user socket, then the control socket.
     *
     * @throws ControlSocketException when the control socket failed (the vhost-user socket is closed again), so
     *         that the error is reported against the right path
     */
    public void start() throws IOException {
        backend.start();
        if (control != null) {
            try {
                control.start();
            } catch (IOException e) {
                backend.close();
                throw new ControlSocketException(e);
            }
        }
    }

    /** The control socket could not be served; the message is the cause's. */
    public static final class ControlSocketException extends IOException {
        private static final long serialVersionUID = 1L;

        ControlSocketException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public DeviceConfig config() {
        return config;
    }

    public EventLog log() {
        return log;
    }

    public Chip chip() {
        return chip;
    }

    /** The scheduler every stimulus of this device runs on, one after another; closed with the device. */
    public StimulusScheduler stimulus() {
        return stimulus;
    }

    public VirtioGpioDevice device() {
        return device;
    }

    public VhostUserBackend backend() {
        return backend;
    }

    /** The control server, or null if none was asked for. */
    public ControlServer control() {
        return control;
    }

    /** $XDG_RUNTIME_DIR/vgpio/gpio.sock, or TMPDIR/vgpio-USER/gpio.sock: where a device serves by default. */
    public static Path defaultSocket() {
        return SocketDirectory.defaultDirectory().resolve("gpio.sock");
    }

    /** The control socket that goes with a device socket: the same path with ".ctl" added. */
    public static Path defaultControl(Path socket) {
        return Path.of(socket + ".ctl");
    }

    /** A QEMU command line that attaches a guest to this device (the kernel and initrd are the user's). */
    public String qemuCommandLine() {
        return qemuCommandLine(backend.socketPath());
    }

    public static String qemuCommandLine(Path socket) {
        return "qemu-system-x86_64 -machine q35 -accel tcg -cpu max -m 256M -nographic"
                + " -object memory-backend-memfd,id=mem,size=256M,share=on -numa node,memdev=mem"
                + " -chardev socket,id=vgpio,path=" + socket
                + " -device vhost-user-gpio-pci,chardev=vgpio,id=gpio"
                + " -kernel YOUR-KERNEL -initrd YOUR-INITRD -append console=ttyS0";
    }

    @Override
    public void close() {
        if (control != null) {
            control.close();
        }
        backend.close();
        stimulus.close();
    }
}
