package io.vgpio.ui.debug;

import io.vgpio.session.DeviceSession;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

/**
 * The launch that holds the serving device's debug target when no launch configuration started it (the device
 * serves from the workbench's start, a guest may come from outside). Its configuration is an unsaved working copy
 * named after the socket, so the Debug view names the launch ("gpio.sock [vGPIO device]") instead of
 * "&lt;unknown&gt;". The type is not public: nobody launches it, so the delegate has nothing to do.
 */
public final class DeviceLaunch implements ILaunchConfigurationDelegate {

    /** An unsaved configuration naming the device, or null if the type is missing (then the launch has none). */
    static ILaunchConfiguration configuration(DeviceSession device) {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(GpioDebugModel.DEVICE_LAUNCH_TYPE);
        try {
            return type == null ? null : type.newInstance(null, device.socketPath().getFileName().toString());
        } catch (CoreException e) {
            return null;
        }
    }

    /** True for a launch {@link DebugTargets} made for a device (it goes when the device goes). */
    static boolean isDeviceLaunch(ILaunch launch) {
        ILaunchConfiguration c = launch.getLaunchConfiguration();
        try {
            return c == null || GpioDebugModel.DEVICE_LAUNCH_TYPE.equals(c.getType().getIdentifier());
        } catch (CoreException e) {
            return false;
        }
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor) {
        // never launched: see the class comment
    }
}
