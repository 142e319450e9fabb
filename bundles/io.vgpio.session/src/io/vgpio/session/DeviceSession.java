package io.vgpio.session;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventLog;
import io.vgpio.core.breakpoint.BreakpointCommands;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.BreakpointSpecException;
import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.core.qmp.QmpClient;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.fault.FaultCommands;
import io.vgpio.core.fault.FaultRules;
import io.vgpio.core.parts.PartCommands;
import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.Parts;
import io.vgpio.core.sockets.SocketDirectory;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.gpiocdev.bind.HardwareBindings;
import io.vgpio.trace.Recordings;
import io.vgpio.trace.TraceRecorder;
import io.vgpio.vhost.VhostUserBackend;
import io.vgpio.virtio.FaultInjector;
import io.vgpio.virtio.VirtioGpioDevice;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

/**
 * One running device, assembled in one place: the event log, the chip, the virtio-gpio device on top of it, the
 * vhost-user backend that serves it, the control socket, the stimulus scheduler, the bindings to physical lines and
 * the recording in progress. They start and stop together. The workbench and the CLI ({@code serve},
 * {@code replay}, {@code bench}) each hold one; nothing else builds this chain.
 *
 * <p>Data flows guest → {@link VhostUserBackend} (a connection thread per frontend) → {@link VirtioGpioDevice}
 * (decodes requests and eventq buffers) → {@link Chip} (the lines' state, under its monitor) → {@link EventLog}
 * (every fact, read by views, the recorder and the control socket). The user, the control socket, bindings and
 * replays drive the chip's inputs from their own threads; the stimulus scheduler serialises timed stimuli.
 */
public final class DeviceSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.vgpio.session");

    private final DeviceConfig config;
    private final EventLog log;
    private final Chip chip;
    private final VirtioGpioDevice device;
    private final VhostUserBackend backend;
    private final ControlServer control;
    private final StimulusScheduler stimulus;
    private final HardwareBindings bindings;
    private final Recordings recordings;
    private final FaultRules faults;
    private final Parts parts;
    private final Breakpoints breakpoints;
    /** QEMU's QMP, for pause-guest breakpoints; null until {@link #connectQmp}. */
    private volatile QmpClient qmp;
    /** What {@link #start()} got serving: only that is closed, since closing removes the socket's file. */
    private boolean backendServing;
    private boolean controlServing;

    /**
     * @param controlPath where to serve the control socket, or null for none
     */
    public DeviceSession(DeviceConfig config, Path socket, Path controlPath, int logCapacity) {
        this.config = config;
        this.log = new EventLog(logCapacity);
        this.chip = new Chip(config, log);
        this.faults = new FaultRules(chip);
        this.device = new VirtioGpioDevice(chip, chipHandler -> new FaultInjector(chipHandler, faults));
        config.faults().values().forEach(faults::add); // fault.N, in the order of N
        this.breakpoints = new Breakpoints(chip);
        breakpoints.attach(device.gate());
        installConfiguredBreakpoints();
        this.backend = new VhostUserBackend(socket, device);
        this.stimulus = new StimulusScheduler(chip);
        this.control = controlPath == null ? null // its pulse, edge, train and bounce queue on the same scheduler
                : new ControlServer(controlPath, stimulus, () -> backend.connected() ? "attached" : "none");
        this.bindings = new HardwareBindings(chip);
        this.recordings = new Recordings(config, log, this::state);
        this.parts = attachParts(config, chip);
        if (control != null) {
            PartCommands.addTo(control, parts);
            bindings.addControlCommands(control);
            recordings.addControlCommands(control);
            FaultCommands.addTo(control, faults);
            new BreakpointCommands(breakpoints).addTo(control);
            control.addInfo("qmp", () -> qmp != null && qmp.connected() ? "connected" : "none");
        }
    }

    /** The configuration's parts (issue 14), in the file's order; each was checked when the file was read. */
    private static Parts attachParts(DeviceConfig config, Chip chip) {
        Parts parts = new Parts(chip);
        config.parts().forEach((name, settings) -> {
            try {
                parts.add(name, settings);
            } catch (PartException e) {
                throw new IllegalStateException("part." + name + " was checked when read: " + e.getMessage(), e);
            }
        });
        return parts;
    }

    /** The configuration's break.N, in the order of N; their lines were checked when it was built. */
    private void installConfiguredBreakpoints() {
        for (BreakpointSpec spec : config.breakpoints().values()) {
            try {
                breakpoints.add(spec);
            } catch (BreakpointSpecException e) {
                throw new IllegalStateException("a configuration checks its breakpoints' lines: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Connects to QEMU's QMP socket ({@code -qmp unix:PATH,server=on,wait=off}) for pause-guest breakpoints, now or
     * as soon as it appears; without it, pause-guest holds the device only.
     */
    public synchronized void connectQmp(Path socket) {
        if (qmp != null) {
            qmp.close();
        }
        qmp = new QmpClient(socket);
        breakpoints.setGuestPause(qmp);
    }

    /** The QMP client, or null when none was asked for. */
    public QmpClient qmp() {
        return qmp;
    }

    /**
     * The device's state now: every line and the log's position under the chip's monitor, and, at the same moment,
     * the driver's features (guarded by that monitor too) and whether a frontend is attached as the log tells it
     * (the backend's flag changes a little before and after the log's CONNECTION events). A recording starts from
     * it.
     */
    public DeviceState state() {
        List<String> bound = bindings.statuses().stream().map(BindingStatus::describe).toList();
        DeviceState s;
        long features;
        synchronized (chip) {
            s = chip.snapshot();
            features = device.driverFeatures();
        }
        return s.with(s.frontendAttached(), s.frontendAttached() ? features : 0, bound);
    }

    /**
     * Takes the physical lines the configuration binds. Call it before {@link #start()}, so that a script waiting
     * for the sockets finds the lines held.
     *
     * @param waitForMissing true to wait for a chip that is not there (the workbench opens with the board
     *        unplugged); false to fail (the CLI reports it and exits)
     * @return one message per binding that failed
     */
    public List<String> bindConfigured(boolean waitForMissing) {
        return bindings.bindAll(config.bindings().values(), waitForMissing);
    }

    /**
     * Serves the vhost-user socket, then the control socket.
     *
     * @throws ControlSocketException when the control socket failed (the vhost-user socket is closed again), so
     *         that the error is reported against the right path
     */
    public synchronized void start() throws IOException {
        backend.start();
        backendServing = true;
        if (control != null) {
            try {
                control.start();
                controlServing = true;
            } catch (IOException e) {
                backend.close();
                backendServing = false;
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

    /**
     * Records this device into a file from now on, ending a recording in progress first.
     *
     * @throws IOException if the file cannot be written (the previous recording has ended anyway)
     */
    public TraceRecorder startRecording(Path file) throws IOException {
        return recordings.start(file);
    }

    /**
     * Ends the recording in progress, if any: the rest is written with the end marker.
     *
     * @return the recording that ended (its file, size and events are final), or null if none was in progress
     * @throws IOException if the rest could not be written (the file holds what was flushed before)
     */
    public TraceRecorder stopRecording() throws IOException {
        return recordings.stop();
    }

    /** The recording in progress, or null. */
    public TraceRecorder recorder() {
        return recordings.current();
    }

    public DeviceConfig config() {
        return config;
    }

    public EventLog log() {
        return log;
    }

    /**
     * The chip: the lines' state and the inputs. The seam where the next layers attach: the virtio device is its
     * guest side, stimulus, bindings and replays are its outside.
     */
    public Chip chip() {
        return chip;
    }

    /** The device's breakpoints: conditions on its events that hold it, pause the guest or log. */
    public Breakpoints breakpoints() {
        return breakpoints;
    }

    public VirtioGpioDevice device() {
        return device;
    }

    public VhostUserBackend backend() {
        return backend;
    }

    /** The one scheduler for timed stimuli on this device: stimuli from every client run one after another. */
    public StimulusScheduler stimulus() {
        return stimulus;
    }

    /** The bindings of lines to physical GPIO lines. */
    public HardwareBindings bindings() {
        return bindings;
    }

    /** The fault rules injected into this device (issue 13): the control socket's {@code fault} and a Faults view. */
    public FaultRules faults() {
        return faults;
    }

    /** The simulated parts on the lines (issue 14): the control socket's {@code part} and the schematic's parts. */
    public Parts parts() {
        return parts;
    }

    /** The vhost-user socket a guest attaches to. */
    public Path socketPath() {
        return backend.socketPath();
    }

    /** True while a guest's frontend is connected. */
    public boolean guestAttached() {
        return backend.connected();
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

    /**
     * Stops everything, outermost first: stimulus, the recording (its rest is written), the physical lines, the
     * control socket, then the guest's socket. Call {@link #stopRecording()} first to hear of a write error. A
     * session that never started (or failed to) leaves the socket paths alone: they may be another device's.
     */
    @Override
    public void close() {
        stimulus.close();
        QmpClient q = qmp;
        if (q != null) {
            q.close();
        }
        try {
            stopRecording();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the recording is incomplete: " + e.getMessage());
        }
        bindings.close();
        boolean closeControl;
        boolean closeBackend;
        synchronized (this) {
            closeControl = controlServing;
            closeBackend = backendServing;
            controlServing = backendServing = false;
        }
        if (closeControl) {
            control.close();
        }
        if (closeBackend) {
            backend.close();
        }
        faults.close();
        parts.close();
    }
}
