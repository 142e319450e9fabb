package io.vgpio.ui.hardware;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.gpiocdev.bind.HardwareBindings;
import io.vgpio.ui.DevicePreferences;
import io.vgpio.session.DeviceSession;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The hardware bindings of the device the workbench serves. Bindings come from the device's configuration when it
 * starts (a board that is not plugged in yet is waited for) and from the user (schematic context menu, GPIO
 * Hardware view); each change is remembered in the preferences, so the next start binds the same lines, and is
 * part of the configuration saved with Device > Save Device Configuration As.
 */
public final class HardwareService {
    private static final Logger LOG = System.getLogger("io.vgpio.hardware");
    private static final HardwareService INSTANCE = new HardwareService();

    private final List<Consumer<BindingStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    /** One listener object, so that it can be taken off the bindings of a device that stopped. */
    private final Consumer<BindingStatus> relay = this::fire;
    private DeviceSession host;
    private HardwareBindings bindings;

    private HardwareService() {
    }

    public static HardwareService get() {
        return INSTANCE;
    }

    /**
     * Takes over the bindings of a newly started device (null: the device stopped). Called by the device service;
     * a chip that is missing is waited for, so the workbench opens even with the board unplugged.
     */
    public void deviceChanged(DeviceSession newHost) {
        HardwareBindings old;
        HardwareBindings fresh = null;
        synchronized (this) {
            old = bindings;
            host = newHost;
            bindings = null;
            if (newHost != null) {
                fresh = newHost.bindings(); // the session's: it releases the lines when the device stops
                fresh.addListener(relay);
                bindings = fresh;
            }
        }
        if (old != null) {
            old.removeListener(relay);
        }
        if (fresh != null) {
            for (String error : newHost.bindConfigured(true)) {
                LOG.log(Level.WARNING, "cannot bind {0}", error);
            }
        }
        fire(null);
    }

    /** Hears binding changes (null: everything may have changed), on any thread. */
    public void addListener(Consumer<BindingStatus> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<BindingStatus> l) {
        listeners.remove(l);
    }

    /** Grows with every binding change, so a view polling on a timer can tell whether to redraw. */
    public long version() {
        return version.get();
    }

    private void fire(BindingStatus s) {
        version.incrementAndGet();
        for (Consumer<BindingStatus> l : listeners) {
            l.accept(s);
        }
    }

    /** Binds a line of the running device now and remembers it. */
    public BindingStatus bind(LineBinding b) throws GpioException {
        HardwareBindings hb = current();
        BindingStatus s = hb.bind(b);
        remember();
        fire(s);
        return s;
    }

    /** Unbinds a line; the simulated line goes on as it was. */
    public boolean unbind(int line) {
        HardwareBindings hb;
        synchronized (this) {
            hb = bindings;
        }
        boolean was = hb != null && hb.unbind(line);
        if (was) {
            remember();
            fire(null);
        }
        return was;
    }

    /** The status of a line's binding, or null when it is not bound or no device runs. */
    public synchronized BindingStatus status(int line) {
        return bindings == null ? null : bindings.status(line);
    }

    public synchronized List<BindingStatus> statuses() {
        return bindings == null ? List.of() : bindings.statuses();
    }

    /** The running device's configuration with the bindings in force now (what Save Configuration writes). */
    public synchronized DeviceConfig currentConfig() {
        if (host == null) {
            return null;
        }
        return bindings == null ? host.config() : withBindings(host.config(), bindings.bindings());
    }

    private synchronized HardwareBindings current() throws GpioException {
        if (bindings == null) {
            throw new GpioException("no device is serving; start one with Device > Start Device first");
        }
        return bindings;
    }

    private void remember() {
        DeviceConfig c = currentConfig();
        DeviceSession h;
        synchronized (this) {
            h = host;
        }
        if (c != null && h != null) {
            DevicePreferences.Settings old = DevicePreferences.load();
            if (old.config().lines() == c.lines()) {
                DevicePreferences.save(new DevicePreferences.Settings(old.socket(),
                        withBindings(old.config(), c.bindings().values())));
            }
        }
    }

    /** A configuration with its bindings replaced by the given ones. */
    private static DeviceConfig withBindings(DeviceConfig base, Collection<LineBinding> bindings) {
        try {
            DeviceConfig.Builder b = base.toBuilder();
            for (Integer line : base.bindings().keySet()) {
                b.bind(line, null);
            }
            for (LineBinding lb : bindings) {
                b.bind(lb.line(), lb);
            }
            return b.build();
        } catch (ConfigException e) {
            return base; // the bindings were valid for this device when they were made
        }
    }
}
