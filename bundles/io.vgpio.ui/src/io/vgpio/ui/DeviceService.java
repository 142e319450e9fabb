package io.vgpio.ui;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.ui.hardware.HardwareService;
import io.vgpio.session.DeviceSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The device the workbench serves: one {@link DeviceSession} at a time, started, stopped and reconfigured from the UI.
 * Views take the current device from here and re-bind when it changes; they read its chip and event log, and never
 * keep device state of their own.
 */
public final class DeviceService {
    private static final DeviceService INSTANCE = new DeviceService();

    private final List<Consumer<DeviceSession>> listeners = new CopyOnWriteArrayList<>();
    private DeviceSession current;

    private DeviceService() {
    }

    public static DeviceService get() {
        return INSTANCE;
    }

    /** The running device, or null when none is serving. */
    public synchronized DeviceSession current() {
        return current;
    }

    /**
     * Stops the running device (if any) and serves a new one; listeners hear of it.
     *
     * @param control the control socket, or null for none
     */
    public DeviceSession start(DeviceConfig config, Path socket, Path control) throws IOException {
        DeviceSession host;
        synchronized (this) {
            stopQuietly();
            host = new DeviceSession(config, socket, control, EventLog.DEFAULT_CAPACITY);
            host.start();
            current = host;
        }
        HardwareService.get().deviceChanged(host); // bind before the views look
        fire(host);
        return host;
    }

    /** Serves the device the preferences describe (by default: 8 lines, interrupts on, the default socket). */
    public DeviceSession startFromPreferences() throws IOException {
        DevicePreferences.Settings s = DevicePreferences.load();
        return start(s.config(), s.socket(), DeviceSession.defaultControl(s.socket()));
    }

    /** Serves the default device (8 lines, interrupts on) on the default socket. */
    public DeviceSession startDefault() throws IOException {
        Path socket = DeviceSession.defaultSocket();
        return start(DeviceConfig.defaults(), socket, DeviceSession.defaultControl(socket));
    }

    /** Stops the running device; listeners hear null. */
    public void stop() {
        synchronized (this) {
            if (current == null) {
                return;
            }
            stopQuietly();
        }
        fire(null);
    }

    private void stopQuietly() {
        if (current != null) {
            HardwareService.get().deviceChanged(null); // release the physical lines before the device goes
            current.close();
            current = null;
        }
    }

    /** Called, on the thread that changed the device, with the new device or null. */
    public void addListener(Consumer<DeviceSession> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DeviceSession> listener) {
        listeners.remove(listener);
    }

    private void fire(DeviceSession host) {
        for (Consumer<DeviceSession> l : listeners) {
            l.accept(host);
        }
    }
}
