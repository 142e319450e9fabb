package io.vgpio.app;

import io.vgpio.ui.DeviceService;
import io.vgpio.session.DeviceSession;
import java.io.IOException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The RCP application {@code io.vgpio.app.workbench}: one workbench window, with the default device (8 lines,
 * interrupts on) serving on the default socket from the start ({@link DeviceService}), so a guest can attach at
 * once.
 */
public final class WorkbenchApplication implements IApplication {
    private static final ILog LOG = Platform.getLog(WorkbenchApplication.class);

    @Override
    public Object start(IApplicationContext context) {
        StartupProgress progress = StartupProgress.begin();
        ProductVersion.publish(); // before the workbench: Help > About reads it
        progress.step("Starting the device");
        startDefaultDevice();
        progress.step("Opening the display");
        Display display = PlatformUI.createDisplay();
        try {
            progress.step("Starting the workbench");
            int code = PlatformUI.createAndRunWorkbench(display, new VgpioWorkbenchAdvisor(progress));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            progress.close();
            display.dispose();
            DeviceService.get().stop();
        }
    }

    private static void startDefaultDevice() {
        try {
            DeviceSession host = DeviceService.get().startFromPreferences();
            String msg = "vGPIO device serving on " + host.socketPath() + "; attach a guest with: "
                    + host.qemuCommandLine();
            LOG.info(msg);
            System.out.println("vgpio: " + msg);
        } catch (IOException e) {
            String msg = "the device could not start: " + e.getMessage()
                    + " (Device > Start Device chooses another socket)";
            LOG.error(msg, e);
            System.err.println("vgpio: " + msg);
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
