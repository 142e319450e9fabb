package io.vgpio.ui.guest;

import io.vgpio.ui.JobNames;
import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.ui.console.DeviceConsoleView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * The Progress view's entry of a running guest: its stage (building the image, booting, running) from the console
 * lines; clicking it opens the guest's console; cancelling it powers the guest off.
 */
final class GuestJob extends Job {
    private static final long PROGRESS_POLL_MILLIS = 250;

    private volatile String stage = "Preparing the guest image (the first time: installing QEMU and building it)";
    private GuestProcess guest;

    private final Path socket;

    GuestJob(Path socket) {
        super(JobNames.QEMU_GUEST);
        this.socket = socket;
        // Not a user job: it lasts as long as the guest, and a user job would open a modal progress dialog.
        setSystem(false);
        setProperty(IProgressConstants.ACTION_PROPERTY, new Action("Show the guest's console") {
            @Override
            public void run() {
                showConsole();
            }
        });
    }

    /** Starts following the guest. */
    void follow(GuestProcess g) {
        this.guest = g;
        schedule();
    }

    /** Called with each console line, on the console reader's thread. */
    void consoleLine(String line) {
        if (line.startsWith("build-guest:") || line.startsWith("install-deps:")) {
            stage = line;
        } else if (line.startsWith("run-guest: accel")) {
            stage = "Booting the guest";
        } else if (line.startsWith("VGPIO-GUEST: no /test.sh") || line.contains("VGPIO-GUEST: script start")) {
            stage = "Guest running: its console is in the Device Console view (Guest tab)";
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask("Attached to " + socket, IProgressMonitor.UNKNOWN);
        String shown = null;
        try {
            while (true) {
                if (monitor.isCanceled()) {
                    GuestService.get().stop();
                }
                if (!stage.equals(shown)) {
                    shown = stage;
                    monitor.subTask(shown);
                }
                try {
                    guest.waitForExit(PROGRESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // still running: look at the stage and the cancel button again
                }
            }
            int code = guest.waitFor();
            ConsoleBuffer.GUEST.append("== guest ended (exit " + code + ")");
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
    }

    /** Opens the Device Console on its Guest tab. */
    static void showConsole() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null || w.getActivePage() == null) {
            return;
        }
        try {
            IViewPart v = w.getActivePage().showView(DeviceConsoleView.ID);
            if (v instanceof DeviceConsoleView c) {
                c.showGuest();
            }
        } catch (PartInitException e) {
            // the console view is part of this bundle; it opens
        }
    }
}
