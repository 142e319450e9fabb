package io.vgpio.ui.debug;

import io.vgpio.core.breakpoint.Breakpoint;
import io.vgpio.core.breakpoint.BreakpointListener;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.BreakpointSpecException;
import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.session.DeviceSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointListener;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;

/**
 * Keeps the platform's GPIO breakpoints (markers, the Breakpoints view) and the serving device's {@link Breakpoints}
 * the same, both ways. From the view: an added breakpoint is installed, enable/disable and remove reach the device.
 * From the device (its configuration's {@code break.N}, the control socket): a breakpoint the markers do not know
 * gets a marker, one removed there loses it, and enabled state and hit counts are copied. A new device gets every
 * saved marker installed, so breakpoints survive a device restart.
 *
 * <p>The device's listener is called under the chip's monitor: it only schedules {@link #mirror}, a job that reads
 * the device and writes markers on its own thread. The maps are guarded by this object's lock, which is never held
 * while markers are written: the platform notifies breakpoint listeners while it holds the workspace's lock, so a
 * marker write under this lock could deadlock with a notification waiting for it.
 */
final class BreakpointSync implements IBreakpointListener, BreakpointListener {
    private static final ILog LOG = Platform.getLog(BreakpointSync.class);

    private final IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
    private final Job mirror = Job.create("Copying the device's breakpoints", this::mirror);
    /** The device's id of each installed breakpoint, and back; for the current device only. */
    private final Map<GpioBreakpoint, Integer> ids = new HashMap<>();
    private final Map<Integer, GpioBreakpoint> markers = new HashMap<>();
    /**
     * The enabled state last agreed between marker and device, by device id. The device's state is copied to the
     * marker only when it differs from this (someone else changed it): a marker change whose notification is still
     * on its way must not be overwritten by the device's older state.
     */
    private final Map<Integer, Boolean> agreed = new HashMap<>();
    private DeviceSession device;

    BreakpointSync() {
        mirror.setSystem(true);
        manager.addBreakpointListener(this);
    }

    /** A new device serves (or none): install the saved breakpoints into it. */
    void deviceChanged(DeviceSession next) {
        List<GpioBreakpoint> stale = new ArrayList<>();
        synchronized (this) {
            if (device != null) {
                device.breakpoints().removeListener(this);
            }
            device = next;
            ids.clear();
            markers.clear();
            agreed.clear();
            for (IBreakpoint b : manager.getBreakpoints(GpioDebugModel.MODEL_ID)) {
                if (b instanceof GpioBreakpoint g) {
                    if (isPersisted(g)) {
                        install(g);
                    } else {
                        stale.add(g); // the device's own: it brings them back itself, and mirror() marks them again
                    }
                }
            }
            if (next != null) {
                next.breakpoints().addListener(this);
            }
        }
        stale.forEach(this::delete);
        if (next != null) {
            mirror.schedule();
        }
    }

    /** The marker of a device breakpoint, or null. */
    synchronized GpioBreakpoint marker(int deviceId) {
        return markers.get(deviceId);
    }

    private void install(GpioBreakpoint b) {
        BreakpointSpec spec = b.spec();
        if (device == null || spec == null || ids.containsKey(b)) {
            return;
        }
        try {
            int id = device.breakpoints().add(spec);
            ids.put(b, id);
            markers.put(id, b);
            boolean on = b.isEnabled();
            agreed.put(id, on);
            if (!on) {
                device.breakpoints().setEnabled(id, false);
            }
        } catch (BreakpointSpecException e) {
            LOG.warn("GPIO breakpoint '" + spec + "' does not fit this device: " + e.getMessage());
        } catch (CoreException e) {
            LOG.log(e.getStatus());
        }
    }

    private static boolean isPersisted(GpioBreakpoint b) {
        try {
            return b.isPersisted();
        } catch (CoreException e) {
            return false;
        }
    }

    private void delete(GpioBreakpoint b) {
        try {
            manager.removeBreakpoint(b, true);
        } catch (CoreException e) {
            LOG.log(e.getStatus());
        }
    }

    // ---- the Breakpoints view's changes -------------------------------------------------------------------

    @Override
    public synchronized void breakpointAdded(IBreakpoint b) {
        if (b instanceof GpioBreakpoint g) {
            install(g);
        }
    }

    @Override
    public synchronized void breakpointRemoved(IBreakpoint b, IMarkerDelta delta) {
        Integer id = b instanceof GpioBreakpoint g ? ids.remove(g) : null;
        if (id != null) {
            markers.remove(id);
            agreed.remove(id);
            if (device != null) {
                device.breakpoints().remove(id);
            }
        }
    }

    @Override
    public synchronized void breakpointChanged(IBreakpoint b, IMarkerDelta delta) {
        Integer id = b instanceof GpioBreakpoint g ? ids.get(g) : null;
        if (id == null || device == null) {
            return;
        }
        try {
            boolean on = b.isEnabled();
            if (!Boolean.valueOf(on).equals(agreed.get(id))) {
                agreed.put(id, on);
                device.breakpoints().setEnabled(id, on);
            }
        } catch (CoreException e) {
            LOG.log(e.getStatus());
        }
    }

    // ---- the device's changes -----------------------------------------------------------------------------

    @Override
    public void breakpointsChanged() {
        mirror.schedule(); // under the chip's monitor: the job reads the device later
    }

    /** Copies the device's breakpoints onto the markers (on the job's thread, writing markers outside the lock). */
    private IStatus mirror(IProgressMonitor monitor) {
        DeviceSession d;
        Map<Integer, GpioBreakpoint> gone;
        synchronized (this) {
            d = device;
            gone = new HashMap<>(markers);
        }
        if (d == null) {
            return Status.OK_STATUS;
        }
        for (Breakpoint b : d.breakpoints().list()) {
            GpioBreakpoint g = gone.remove(b.id());
            try {
                if (g == null) {
                    g = GpioBreakpoint.create(b.spec(), b.enabled(), false);
                    if (!adopt(d, b, g)) {
                        g.delete(); // the device changed meanwhile
                        continue;
                    }
                    manager.addBreakpoint(g);
                }
                if (!g.getMarker().exists()) {
                    continue; // removed from the view meanwhile: breakpointRemoved takes it out of the device
                }
                if (changedByDevice(d, b)) {
                    g.mirrorEnabled(b.enabled());
                }
                g.setHits(b.hits());
            } catch (CoreException e) {
                LOG.log(e.getStatus());
            }
        }
        for (Map.Entry<Integer, GpioBreakpoint> e : gone.entrySet()) {
            if (forget(d, e.getKey())) {
                delete(e.getValue());
            }
        }
        return Status.OK_STATUS;
    }

    /** Maps a marker made for a device breakpoint; false if the device changed meanwhile. */
    private synchronized boolean adopt(DeviceSession d, Breakpoint b, GpioBreakpoint g) {
        if (device != d || markers.containsKey(b.id())) {
            return false;
        }
        ids.put(g, b.id());
        markers.put(b.id(), g);
        agreed.put(b.id(), b.enabled());
        return true;
    }

    /** True when the device's enabled state differs from the agreed one: someone else changed it (now agreed). */
    private synchronized boolean changedByDevice(DeviceSession d, Breakpoint b) {
        Boolean was = agreed.get(b.id());
        if (device != d || was == null || was == b.enabled()) {
            return false;
        }
        agreed.put(b.id(), b.enabled());
        return true;
    }

    /** Forgets a breakpoint the device no longer has; false if it was forgotten already. */
    private synchronized boolean forget(DeviceSession d, int id) {
        GpioBreakpoint g = device == d ? markers.remove(id) : null;
        if (g == null) {
            return false;
        }
        ids.remove(g);
        agreed.remove(id);
        return true;
    }
}
