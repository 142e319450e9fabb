package io.vgpio.ui.guest;

import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.session.DeviceSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Boots the project's test Linux guest (releng/guest/run-guest.sh) attached to the workbench's device, as a Job
 * whose progress follows the image build and the boot; its serial console goes to the Guest tab of the console.
 * Cancelling the Job stops QEMU.
 */
public final class GuestLauncher {
    /** What the guest runs when launched from the workbench: show the chip, blink line 0, watch line 1. */
    static final String SCRIPT = """
            #!/bin/sh
            gpiodetect
            gpioinfo
            echo "guest: blinking line 0 every second and printing every edge on line 1 (cancel the job to stop)"
            ( while true; do gpioset -m time -s 1 gpiochip0 0=1; sleep 1; done ) &
            gpiomon -F 'line 1: %e at %s.%n' gpiochip0 1
            """;

    private GuestLauncher() {
    }

    /** The guest runner of the source checkout this product was built from (VGPIO_HOME, or above the product). */
    static Path runGuestScript() throws IOException {
        List<Path> tried = new ArrayList<>();
        String home = System.getenv("VGPIO_HOME");
        if (home != null) {
            tried.add(Path.of(home));
        }
        try {
            for (Path p = Path.of(Platform.getInstallLocation().getURL().toURI()); p != null; p = p.getParent()) {
                tried.add(p);
            }
        } catch (Exception e) {
            // no install location: only VGPIO_HOME
        }
        for (Path p : tried) {
            Path s = p.resolve("releng/guest/run-guest.sh");
            if (Files.isExecutable(s)) {
                return s;
            }
        }
        throw new IOException("The test guest needs the vGPIO source checkout (releng/guest/run-guest.sh); start the"
                + " workbench with ./vgpio workbench from the checkout, or set VGPIO_HOME to it.");
    }

    public static Job launch(DeviceSession host) throws IOException {
        Path runner = runGuestScript();
        Path script = Files.createTempFile("vgpio-workbench-guest", ".sh");
        Files.writeString(script, SCRIPT);
        Job job = new Job("Run guest on " + host.socketPath()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Preparing the guest image (the first time: installing QEMU and building it)",
                        IProgressMonitor.UNKNOWN);
                ConsoleBuffer.GUEST.append("== starting the guest on " + host.socketPath());
                Process p;
                try {
                    p = new ProcessBuilder(runner.toString(), "--socket", host.socketPath().toString(),
                            "--script", script.toString(), "--timeout", "0").redirectErrorStream(true).start();
                } catch (IOException e) {
                    return Status.error("Cannot start " + runner + ": " + e.getMessage(), e);
                }
                Thread watchdog = new Thread(() -> {
                    while (p.isAlive()) {
                        if (monitor.isCanceled()) {
                            p.descendants().forEach(ProcessHandle::destroy);
                            p.destroy();
                            return;
                        }
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "guest-cancel-watch");
                watchdog.setDaemon(true);
                watchdog.start();
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String l = line.replace("\r", "");
                        ConsoleBuffer.GUEST.append(l);
                        if (l.startsWith("build-guest:") || l.startsWith("install-deps:")) {
                            monitor.subTask(l);
                        } else if (l.startsWith("run-guest: accel")) {
                            monitor.subTask("Booting the guest (TCG)");
                        } else if (l.contains("VGPIO-GUEST: script start")) {
                            monitor.subTask("Guest running: its console is in the Device Console view (Guest tab)");
                        }
                    }
                    int code = p.waitFor();
                    ConsoleBuffer.GUEST.append("== guest ended (exit " + code + ")");
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (IOException | InterruptedException e) {
                    p.descendants().forEach(ProcessHandle::destroy);
                    p.destroy();
                    return Status.CANCEL_STATUS;
                } finally {
                    monitor.done();
                    try {
                        Files.deleteIfExists(script);
                    } catch (IOException e) {
                        // a temporary file
                    }
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }
}
