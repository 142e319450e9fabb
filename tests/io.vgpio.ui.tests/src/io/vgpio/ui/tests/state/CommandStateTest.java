package io.vgpio.ui.tests.state;

import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.Cause;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.ProblemReporter;
import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.ui.handlers.TraceHandlers;
import io.vgpio.ui.state.RecordingIndicator;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.tests.traffic.ViewTestSupport;
import java.nio.file.Path;
import org.eclipse.core.commands.Command;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands are enabled by the workbench's state (plugin.xml enabledWhen on DeviceState's variables), the status bar
 * shows a recording in progress, and a failure of vGPIO code that reaches the log is told to the user.
 */
class CommandStateTest {
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        TraceHandlers.stopRecording();
        DeviceService.get().stop();
        drain();
    }

    private static Command command(String id) {
        return PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(id);
    }

    private static Label indicator(Shell shell) {
        return ViewTestSupport.find(shell, RecordingIndicator.WIDGET_ID, RecordingIndicator.ID);
    }

    @Test
    @DisplayName("Stop Recording is enabled only while recording; Record only while a device serves; the status bar"
            + " shows the recording's file")
    void commands_follow_the_state() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        Command stop = command("io.vgpio.ui.stopRecording");
        Command record = command("io.vgpio.ui.record");
        Command stopDevice = command("io.vgpio.ui.stopDevice");
        DeviceService.get().stop();
        waitFor("nothing to record without a device", () -> !record.isEnabled() && !stop.isEnabled()
                && !stopDevice.isEnabled());

        DeviceSession host = UiTest.startDevice(dir);
        waitFor("a device serves: Record is enabled", () -> record.isEnabled() && stopDevice.isEnabled());
        assertFalse(stop.isEnabled(), "nothing records: Stop Recording is disabled");

        TraceHandlers.startRecording(host, dir.resolve("state.trc"), null);
        host.chip().setInput(1, 1, Cause.USER);
        waitFor("recording: Stop Recording is enabled", stop::isEnabled);
        Label rec = indicator(window.getShell());
        assertTrue(rec != null, "a recording indicator in the status bar");
        waitFor("the status bar names the recording", () -> rec.getText().contains("state.trc"));
        UiTest.drain(); // the paints the change queued, so that the screenshot shows it
        UiTest.screenshot(window.getShell(), "recording-indicator.png");

        TraceHandlers.stopRecording();
        waitFor("stopped: Stop Recording is disabled, the indicator is blank", () -> !stop.isEnabled()
                && rec.getText().isEmpty());
        assertTrue(record.isEnabled());

        // A recording that ends with its device disables the command too.
        TraceHandlers.startRecording(host, dir.resolve("again.trc"), null);
        waitFor("recording again", stop::isEnabled);
        DeviceService.get().stop();
        waitFor("the device stopped: nothing records", () -> !stop.isEnabled() && !record.isEnabled());
    }

    @Test
    @DisplayName("An error thrown by vGPIO code that reaches the log is told to the user in one sentence")
    void a_logged_failure_is_told_to_the_user() {
        waitFor("the reporter listens from startup (org.eclipse.ui.startup)", ProblemReporter::isInstalled);
        IllegalStateException ex = new IllegalStateException("the widget went away");
        ex.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.eclipse.swt.widgets.Display", "runTimer", "Display.java", 1),
            new StackTraceElement("io.vgpio.ui.traffic.TrafficView", "tick", "TrafficView.java", 1)});
        Platform.getLog(ProblemReporter.class).log(new Status(IStatus.ERROR, "io.vgpio.ui", "timer failed", ex));
        String told = ProblemReporter.lastReport();
        assertTrue(told != null && told.contains("TrafficView.tick") && told.contains("the widget went away"),
                String.valueOf(told));
        assertTrue(ConsoleBuffer.DEVICE.text().contains(told), "the Device console says it too");
        assertFalse(told.contains("\tat "), "one sentence, no stack trace");
    }
}
