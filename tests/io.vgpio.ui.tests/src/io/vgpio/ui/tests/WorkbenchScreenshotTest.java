package io.vgpio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.screenshot;
import static io.vgpio.ui.tests.UiTest.waitFor;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.console.DeviceConsoleView;
import io.vgpio.ui.JobNames;
import io.vgpio.ui.guest.DemoGuest;
import io.vgpio.session.DeviceSession;
import java.nio.file.Path;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole perspective with live traffic (demo guest + stimulus), saved as a build artifact. */
class WorkbenchScreenshotTest {

    @AfterEach
    void stop() {
        DeviceService.get().stop();
    }

    @Test
    @DisplayName("The GPIO Debug perspective with a demo guest and a stimulus pulse train: screenshot artifact")
    void perspective_with_live_traffic(@TempDir Path dir) throws Exception {
        DeviceSession host = DeviceService.get().start(DeviceConfig.builder().lines(8).namesList("LED,BUTTON,,RESET")
                .build(), dir.resolve("gpio.sock"), dir.resolve("gpio.ctl"));
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1600, 1000);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        DeviceConsoleView console = (DeviceConsoleView) page.showView(DeviceConsoleView.ID);
        page.showView(GpioDebugPerspective.WAVEFORM);
        Job demo = DemoGuest.start(host);
        assertEquals(JobNames.DEMO_GUEST, demo.getName(), "the status bar shows a name that fits (FinishTest)");
        try (StimulusScheduler stim = new StimulusScheduler(host.chip())) {
            // The demo guest arms line 1 (BUTTON); give it pulses to count, and a pulse train on line 3.
            waitFor("the demo guest attached and armed BUTTON", () -> host.guestAttached()
                    && host.chip().irqType(DemoGuest.BUTTON).wireValue() != 0);
            var buttonPulses = stim.pulseTrain(DemoGuest.BUTTON, 6, 60_000, 200_000);
            var resetPulses = stim.pulseTrain(3, 20, 20_000, 50_000);
            waitFor("both pulse trains ran", () -> buttonPulses.isDone() && resetPulses.isDone());
            buttonPulses.get();
            resetPulses.get();
            console.showGuest();
            waitFor("the console shows the demo guest's interrupts", () -> console.text(true)
                    .contains("demo guest: attached") && console.text(true).contains("demo guest: interrupt"));
            drain();
            screenshot(shell, "perspective.png"); // for people to look at: the whole perspective with traffic
        } finally {
            demo.cancel();
            demo.join(5000, null);
        }
    }
}
