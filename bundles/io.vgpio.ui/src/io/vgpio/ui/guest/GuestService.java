package io.vgpio.ui.guest;

import io.vgpio.session.DeviceSession;
import io.vgpio.ui.console.ConsoleBuffer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;

/**
 * The QEMU guest the workbench runs: at most one at a time, since the device serves one frontend. Launches it (a
 * {@link GuestJob} follows it), refuses a second one with the reason, stops it cleanly, and asks before the
 * workbench exits under a running guest, which would otherwise be left running without its device.
 */
public final class GuestService {
    /** How long a typed poweroff gets before QEMU is terminated. */
    public static final Duration POWER_OFF_GRACE = Duration.ofSeconds(5);
    private static final GuestService INSTANCE = new GuestService();

    private GuestProcess current;
    private boolean exitHookInstalled;

    private GuestService() {
    }

    public static GuestService get() {
        return INSTANCE;
    }

    /** The running guest, or null. */
    public synchronized GuestProcess current() {
        return current != null && current.isAlive() ? current : null;
    }

    /**
     * Boots the guest on the device.
     *
     * @throws IOException with the reason, for the user, when it cannot: a guest runs already, another frontend
     *     holds the device, the options are wrong, or run-guest.sh is not found
     */
    public GuestProcess launch(DeviceSession device, GuestOptions options) throws IOException {
        GuestJob job;
        GuestProcess g;
        synchronized (this) {
            GuestProcess running = current();
            if (running != null) {
                throw new IOException("A guest is already running on " + running.socket() + " (run-guest.sh, pid "
                        + running.pid() + "): the device serves one guest at a time. Stop it first (Device > Stop"
                        + " Guest).");
            }
            if (device.guestAttached()) {
                throw new IOException("Another frontend is attached to " + device.socketPath() + " (the Demo Guest,"
                        + " or a QEMU started outside the workbench): the device serves one at a time. Stop it"
                        + " first.");
            }
            String problem = options.problem();
            if (problem != null) {
                throw new IOException(problem);
            }
            Path runner = GuestLauncher.runGuestScript();
            job = new GuestJob(device.socketPath());
            ConsoleBuffer.GUEST.append("== starting the guest on " + device.socketPath() + ": "
                    + String.join(" ", options.command(runner, device.socketPath())));
            g = GuestProcess.start(runner, device.socketPath(), options, ConsoleBuffer.GUEST, job::consoleLine);
            current = g;
        }
        job.follow(g);
        installExitHook();
        return g;
    }

    /** Opens the Device Console on its Guest tab, from any thread (a launch delegate runs in a job). */
    public static void showConsoleLater() {
        if (PlatformUI.isWorkbenchRunning()) {
            PlatformUI.getWorkbench().getDisplay().asyncExec(GuestJob::showConsole);
        }
    }

    /** Powers the running guest off (see {@link GuestProcess#stop}); blocks. */
    public GuestProcess.Ending stop() throws InterruptedException {
        GuestProcess g;
        synchronized (this) {
            g = current;
        }
        if (g == null) {
            return GuestProcess.Ending.ALREADY_ENDED;
        }
        GuestProcess.Ending e = g.stop(POWER_OFF_GRACE);
        ConsoleBuffer.GUEST.append("== guest stopped: " + switch (e) {
            case ALREADY_ENDED -> "it had ended already";
            case POWERED_OFF -> "powered off";
            case TERMINATED -> "it did not power off within " + POWER_OFF_GRACE.toSeconds() + " s, QEMU was"
                    + " terminated";
            case KILLED -> "QEMU was killed";
        });
        return e;
    }

    /** {@link #stop()} under a progress dialog, from the UI thread. */
    public void stopWithProgress(Shell shell) {
        try {
            new ProgressMonitorDialog(shell).run(true, false, (IProgressMonitor m) -> {
                m.beginTask("Powering the guest off", IProgressMonitor.UNKNOWN);
                stop();
                m.done();
            });
        } catch (InvocationTargetException e) {
            MessageDialog.openError(shell, "Stop Guest", "Stopping the guest failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exit with a running guest asks first, then powers it off: QEMU must not outlive its device. */
    private synchronized void installExitHook() {
        if (exitHookInstalled || !PlatformUI.isWorkbenchRunning()) {
            return;
        }
        exitHookInstalled = true;
        PlatformUI.getWorkbench().addWorkbenchListener(new IWorkbenchListener() {
            @Override
            public boolean preShutdown(IWorkbench workbench, boolean forced) {
                if (current() == null) {
                    return true;
                }
                Shell shell = workbench.getDisplay().getActiveShell();
                if (!forced && !MessageDialog.openQuestion(shell, "Exit", "A guest is running on the device."
                        + " Power it off and exit?")) {
                    return false;
                }
                stopWithProgress(shell);
                return true;
            }

            @Override
            public void postShutdown(IWorkbench workbench) {
            }
        });
    }
}
