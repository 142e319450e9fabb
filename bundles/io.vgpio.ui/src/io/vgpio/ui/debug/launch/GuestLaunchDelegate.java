package io.vgpio.ui.debug.launch;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DevicePreferences;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.debug.DebugTargets;
import io.vgpio.ui.guest.GuestService;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

/**
 * Launches a "QEMU Guest with vGPIO": (re)starts the device with the configuration's device file if it names one,
 * boots the guest through {@link GuestService} (run-guest.sh: image building, the serial console in the Device
 * Console), with QMP on gives QEMU {@code -qmp unix:SOCKET.qmp,server=on,wait=off} and connects the device's QMP
 * client to it, and puts the device's debug target into this launch, so the Debug view shows the guest's launch.
 */
public final class GuestLaunchDelegate implements ILaunchConfigurationDelegate {
    private static final String PLUGIN = "io.vgpio.ui";

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        GuestLaunchSettings s = GuestLaunchSettings.read(configuration);
        String problem = s.problem();
        if (problem != null) {
            throw error(problem, null);
        }
        try {
            DeviceSession device = device(s);
            Path qmp = s.qmp() ? qmpSocket(device) : null;
            if (qmp != null) {
                device.connectQmp(qmp); // retries until QEMU has made the socket
            }
            DebugTargets.get().adopt(launch);
            GuestService.get().launch(device, s.options(qmp));
            GuestService.showConsoleLater();
        } catch (IOException | ConfigException e) {
            throw error(e.getMessage(), e);
        }
    }

    /** The device the guest attaches to: the serving one, or one (re)started with the configuration's file. */
    private static DeviceSession device(GuestLaunchSettings s) throws IOException, ConfigException {
        DeviceSession current = DeviceService.get().current();
        if (s.deviceConfig().isBlank()) {
            return current != null ? current : DeviceService.get().startFromPreferences();
        }
        Path socket = current != null ? current.socketPath() : DevicePreferences.load().socket();
        return DeviceService.get().start(DeviceConfig.load(Path.of(s.deviceConfig())), socket,
                DeviceSession.defaultControl(socket));
    }

    /** QEMU's QMP socket next to the device's: {@code gpio.sock.qmp}. */
    static Path qmpSocket(DeviceSession device) {
        return device.socketPath().resolveSibling(device.socketPath().getFileName() + ".qmp");
    }

    private static CoreException error(String message, Throwable cause) {
        return new CoreException(new Status(IStatus.ERROR, PLUGIN, "QEMU Guest with vGPIO: " + message, cause));
    }
}
