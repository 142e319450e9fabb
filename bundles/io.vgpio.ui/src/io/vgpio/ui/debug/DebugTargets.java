package io.vgpio.ui.debug;

import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import java.util.function.Consumer;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;

/**
 * The workbench's side of the debug platform: one {@link DeviceDebugTarget} for the serving device, in a launch of
 * its own (or in the launch of a "QEMU Guest with vGPIO" configuration, {@link #adopt}), the breakpoint mirror
 * ({@link BreakpointSync}) and what a hit shows ({@link HitNavigator}). Started once, by the workbench's startup
 * or by whoever needs it first.
 */
public final class DebugTargets {
    private static DebugTargets instance;

    private final BreakpointSync sync = new BreakpointSync();
    private final Consumer<DeviceSession> deviceListener = this::deviceChanged;
    private DeviceDebugTarget target;

    private DebugTargets() {
    }

    /** The one instance, started on first use. */
    public static synchronized DebugTargets get() {
        if (instance == null) {
            instance = new DebugTargets();
            DeviceService.get().addListener(instance.deviceListener);
            HitNavigator.install();
            instance.deviceChanged(DeviceService.get().current());
        }
        return instance;
    }

    /** The serving device's target, or null when none serves. */
    public synchronized DeviceDebugTarget target() {
        return target;
    }

    BreakpointSync sync() {
        return sync;
    }

    /** Makes the serving device's target part of a configuration's launch (the guest it started belongs there). */
    public synchronized DeviceDebugTarget adopt(ILaunch launch) {
        DeviceSession device = DeviceService.get().current();
        if (device == null) {
            return null;
        }
        end();
        target = new DeviceDebugTarget(launch, device);
        launch.addDebugTarget(target);
        return target;
    }

    private void deviceChanged(DeviceSession device) {
        sync.deviceChanged(device);
        synchronized (this) {
            end();
            if (device != null) {
                ILaunch launch = new Launch(DeviceLaunch.configuration(device), ILaunchManager.DEBUG_MODE, null);
                target = new DeviceDebugTarget(launch, device);
                launch.addDebugTarget(target);
                DebugPlugin.getDefault().getLaunchManager().addLaunch(launch);
            }
        }
    }

    /** Ends the current target and takes its launch out of the Debug view. */
    private void end() {
        if (target != null) {
            target.deviceGone();
            ILaunch old = target.getLaunch();
            if (DeviceLaunch.isDeviceLaunch(old)) {
                DebugPlugin.getDefault().getLaunchManager().removeLaunch(old);
            }
            target = null;
        }
    }
}
