package io.vgpio.ui.handlers;

import io.vgpio.trace.Replay;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceRecorder;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.JobNames;
import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.ui.state.DeviceState;
import io.vgpio.ui.state.RecordingText;
import io.vgpio.session.DeviceSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Trace menu: record the running device, stop, and replay a trace into it. Each is enabled by state in plugin.xml
 * ({@link DeviceState}): Record and Replay while a device serves, Stop Recording while it records.
 */
public final class TraceHandlers {
    private TraceHandlers() {
    }

    /** The running device's recording in progress, or null. */
    public static TraceRecorder recorder() {
        DeviceSession s = DeviceService.get().current();
        return s == null ? null : s.recorder();
    }

    /**
     * Starts recording the current device into a file. The status bar's recording indicator shows its file, size
     * and duration live, and the Trace menu's commands follow ({@link DeviceState}).
     *
     * @param status a status line to tell that the recording started, or null
     */
    public static TraceRecorder startRecording(DeviceSession host, Path file, IStatusLineManager status)
            throws IOException {
        TraceRecorder rec = host.startRecording(file);
        DeviceState.refresh();
        if (status != null) {
            status.setMessage("Recording into " + rec.file() + " (Trace > Stop Recording to end it)");
        }
        return rec;
    }

    /** Ends the running device's recording, if any. */
    public static void stopRecording() throws IOException {
        DeviceSession s = DeviceService.get().current();
        try {
            TraceRecorder ended = s != null ? s.stopRecording() : null;
            if (ended != null) {
                // The user is told what was kept, as `record stop` tells a script.
                ConsoleBuffer.DEVICE.append(RecordingText.ended(ended));
            }
        } finally {
            DeviceState.refresh();
        }
    }

    static String size(long bytes) {
        return RecordingText.size(bytes);
    }

    private static IStatusLineManager status(ExecutionEvent e) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(e);
        if (w == null || w.getActivePage() == null) {
            return null;
        }
        IViewPart v = w.getActivePage().findView(io.vgpio.ui.console.DeviceConsoleView.ID);
        return v != null ? v.getViewSite().getActionBars().getStatusLineManager() : null;
    }

    /** Trace > Record...: asks for a file and records the running device into it. */
    public static final class Record extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            Shell shell = HandlerUtil.getActiveShell(e);
            DeviceSession h = DeviceService.get().current();
            if (h == null) {
                return null; // enabled only while a device serves (plugin.xml); it stopped meanwhile
            }
            FileDialog fd = new FileDialog(shell, SWT.SAVE);
            fd.setText("Record Trace");
            fd.setFileName("gpio.trc");
            fd.setFilterExtensions(new String[] {"*.trc", "*"});
            fd.setOverwrite(true);
            String f = io.vgpio.ui.FileDialogs.open(fd);
            if (f == null) {
                return null;
            }
            try {
                startRecording(h, Path.of(f), status(e));
            } catch (IOException ex) {
                MessageDialog.openError(shell, "Record", "Cannot record to " + f + ": " + ex.getMessage());
            }
            return null;
        }
    }

    /** Trace > Stop Recording (enabled while recording). */
    public static final class Stop extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            try {
                stopRecording();
            } catch (IOException ex) {
                MessageDialog.openError(HandlerUtil.getActiveShell(e), "Stop Recording",
                        "The recording is incomplete: " + ex.getMessage());
            }
            return null;
        }
    }

    /**
     * Trace > Replay...: replays a trace's stimulus into the running device (start the guest after, or have it
     * attached already), as a Job; the report goes to the Device console and a dialog.
     */
    public static final class ReplayTrace extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            Shell shell = HandlerUtil.getActiveShell(e);
            DeviceSession h = DeviceService.get().current();
            if (h == null) {
                return null; // enabled only while a device serves (plugin.xml); it stopped meanwhile
            }
            FileDialog fd = new FileDialog(shell, SWT.OPEN);
            fd.setText("Replay Trace");
            fd.setFilterExtensions(new String[] {"*.trc", "*"});
            String f = io.vgpio.ui.FileDialogs.open(fd);
            if (f == null) {
                return null;
            }
            TraceReader.Trace t;
            try {
                t = TraceReader.read(Path.of(f));
            } catch (IOException ex) {
                MessageDialog.openError(shell, "Replay", ex.getMessage());
                return null;
            }
            if (!t.config().equals(h.config())) {
                MessageDialog.openError(shell, "Replay", "The trace was recorded on a device of "
                        + t.config().lines() + " lines with other settings; start the device with the trace's"
                        + " configuration first (Device > Start Device).");
                return null;
            }
            Job job = new Job(JobNames.replay(Path.of(f).getFileName().toString())) {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    monitor.beginTask("Waiting for the guest, then replaying", IProgressMonitor.UNKNOWN);
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
                        Replay.Result r = Replay.run(t, h.chip(), Replay.Options.defaults(), out);
                        out.print(r.report());
                        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
                            ConsoleBuffer.DEVICE.append(line);
                        }
                        Display.getDefault().asyncExec(() -> MessageDialog.open(
                                r.diverged() ? MessageDialog.WARNING : MessageDialog.INFORMATION, null, "Replay",
                                r.report(), SWT.NONE));
                        return Status.OK_STATUS;
                    } catch (InterruptedException ex) {
                        return Status.CANCEL_STATUS;
                    } finally {
                        monitor.done();
                    }
                }
            };
            job.setUser(true);
            job.schedule();
            return null;
        }
    }
}
