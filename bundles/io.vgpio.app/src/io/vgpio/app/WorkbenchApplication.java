package io.vgpio.app;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.vhost.DeviceHost;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The RCP application {@code io.vgpio.app.workbench}: one workbench window, with the default device (8 lines,
 * interrupts on) serving on the default socket from the start, so a guest can attach at once.
 */
public final class WorkbenchApplication implements IApplication {
    private static final ILog LOG = Platform.getLog(WorkbenchApplication.class);
    private static volatile DeviceHost device;

    /** The device the workbench serves, or null if it could not start (the log says why). */
    public static DeviceHost device() {
        return device;
    }

    @Override
    public Object start(IApplicationContext context) {
        device = startDefaultDevice();
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new VgpioWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
            DeviceHost d = device;
            device = null;
            if (d != null) {
                d.close();
            }
        }
    }

    private static DeviceHost startDefaultDevice() {
        Path socket = DeviceHost.defaultSocket();
        DeviceHost host = new DeviceHost(DeviceConfig.defaults(), socket, DeviceHost.defaultControl(socket),
                EventLog.DEFAULT_CAPACITY);
        try {
            host.start();
            String msg = "vGPIO device serving on " + socket + "; attach a guest with: " + host.qemuCommandLine();
            LOG.info(msg);
            System.out.println("vgpio: " + msg);
            return host;
        } catch (IOException e) {
            String msg = "the default device could not start on " + socket + ": " + e.getMessage();
            LOG.error(msg, e);
            System.err.println("vgpio: " + msg);
            return null;
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
