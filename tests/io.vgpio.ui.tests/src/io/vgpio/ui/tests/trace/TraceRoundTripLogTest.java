package io.vgpio.ui.tests.trace;

import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.Cause;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.handlers.OfflineTraceHandlers;
import io.vgpio.ui.schematic.SchematicView;
import io.vgpio.ui.source.LiveSource;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.traffic.TrafficView;
import io.vgpio.ui.waveform.WaveformView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open Trace and Back to Live Device, as a user does it at 1024x700 with traffic on screen, log nothing: the
 * traffic table once threw "row -1 of 0" into the workspace log on both.
 */
class TraceRoundTripLogTest {
    @TempDir
    Path dir;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final ILogListener listener = (IStatus s, String plugin) -> logged.add(plugin + ": " + s
            + (s.getException() == null ? "" : " " + s.getException()));

    @AfterEach
    void tearDown() {
        Platform.removeLogListener(listener);
        SourceService.get().closeTrace();
        DeviceService.get().stop();
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setBounds(0, 0, 1600, 1000);
        drain();
    }

    private static void execute(String command, Map<String, String> parameters) throws Exception {
        var commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        var handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(command), parameters), null);
    }

    @Test
    @DisplayName("Open Trace, then Back to Live Device: no exception reaches the log")
    void open_and_close_a_trace_log_nothing() throws Exception {
        OfflineTraceTest.Recording rec = OfflineTraceTest.record(dir.resolve("round.trc"));
        DeviceSession host = UiTest.startDevice(dir);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1024, 700);
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        page.showView(WaveformView.ID);
        TrafficView traffic = (TrafficView) page.showView(TrafficView.ID);
        for (int i = 0; i < 20; i++) {
            host.chip().queueEventBuffer(1, i); // live rows in the table
            host.chip().setInput(2, i & 1, Cause.USER);
        }
        waitFor("live rows", () -> traffic.rowCount() > 0);
        Platform.addLogListener(listener);

        execute("io.vgpio.ui.openTrace", Map.of(OfflineTraceHandlers.FILE_PARAMETER, rec.file().toString()));
        waitFor("the trace is shown", () -> SourceService.get().trace() != null && traffic.rowCount() > 0
                && traffic.getContentDescription().contains("round.trc")
                && ((WaveformView) page.findView(WaveformView.ID)).model().source() instanceof TraceSource);
        UiTest.drain(); // the paints the change queued, so that the screenshot shows it
        UiTest.screenshot(shell, "trace-round-trip-open.png");
        SchematicView schematic = (SchematicView) page.findView(SchematicView.ID);
        assertTrue(schematic.scrubber().timeTextFits(), "the time bar's text is whole at 1024x700: "
                + schematic.scrubber().timeText());
        execute("io.vgpio.ui.closeTrace", Map.of());
        waitFor("back to live", () -> SourceService.get().trace() == null
                && ((WaveformView) page.findView(WaveformView.ID)).model().source() instanceof LiveSource
                && traffic.getContentDescription().isEmpty());
        // Both views tick at 30 Hz: give them a few ticks on the live device before looking at the log (the
        // waveform draws while it is visible; it shares a folder with the traffic table).
        WaveformView waveform = (WaveformView) page.findView(WaveformView.ID);
        page.bringToTop(waveform);
        long frames = waveform.framesDrawn();
        waitFor("a few frames on the live device", () -> waveform.framesDrawn() > frames + 3);
        assertEquals(List.of(), logged, "nothing was logged");
    }
}
