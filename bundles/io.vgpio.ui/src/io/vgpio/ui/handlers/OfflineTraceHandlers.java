package io.vgpio.ui.handlers;

import io.vgpio.trace.TraceReader;
import io.vgpio.ui.JobNames;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Trace menu, offline analysis: Open Trace... loads a recorded trace in a background Job and shows it in the
 * schematic (scrubbable), waveform and traffic views instead of the live device, which keeps serving; Close Trace
 * brings the views back to the live device.
 */
public final class OfflineTraceHandlers {
    /** The open command's optional parameter: a trace file to open without asking. */
    public static final String FILE_PARAMETER = "io.vgpio.ui.openTrace.file";
    /** Title of the dialogs the open command shows (a bad file, a cut recording). */
    public static final String DIALOG_TITLE = "Open Trace";
    /** The family of the loading Job (tests and shutdown can join it). */
    public static final Object JOB_FAMILY = OfflineTraceHandlers.class;

    private OfflineTraceHandlers() {
    }

    /**
     * Reads a trace and rebuilds its chip states in a Job with progress, then shows it (UI thread). A file that
     * cannot be read gives an error dialog naming the problem (for a damaged file, the byte offset); a recording
     * cut short opens with a warning saying where it ends. Either way the live device is left alone.
     */
    public static Job open(Path file) {
        String name = String.valueOf(file.getFileName());
        Job job = new Job(JobNames.openTrace(name)) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Opening trace " + name, 3);
                try {
                    monitor.subTask(String.format(Locale.ROOT, "Reading %s (%,d bytes)", name, Files.size(file)));
                    TraceReader.Trace trace = TraceReader.read(file);
                    monitor.worked(2);
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    monitor.subTask(String.format(Locale.ROOT, "Rebuilding the chip's states from %,d events",
                            trace.events()));
                    TraceSource source = new TraceSource(trace);
                    monitor.worked(1);
                    inUi(() -> {
                        SourceService.get().openTrace(source);
                        if (trace.warning() != null) {
                            MessageDialog.openWarning(shell(), DIALOG_TITLE, trace.warning());
                        }
                    });
                } catch (IOException | RuntimeException | OutOfMemoryError ex) {
                    String why = problem(file, ex);
                    inUi(() -> MessageDialog.openError(shell(), DIALOG_TITLE, "The trace cannot be opened.\n\n" + why
                            + "\n\nThe views still show what they showed before; the live device keeps running."));
                } finally {
                    monitor.done();
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** One sentence for a person, never a stack trace. */
    static String problem(Path file, Throwable ex) {
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return file + ": no such file.";
        }
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return file + ": permission denied.";
        }
        if (ex instanceof OutOfMemoryError) {
            return file + ": too big for the memory this workbench may use (raise -Xmx).";
        }
        if (ex instanceof IOException) {
            String m = ex.getMessage();
            return m == null ? file + ": " + ex.getClass().getSimpleName() : m;
        }
        return file + ": " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    private static void inUi(Runnable r) {
        Display d = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getDisplay() : Display.getDefault();
        d.asyncExec(r);
    }

    private static Shell shell() {
        var w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return w == null ? null : w.getShell();
    }

    /** Trace > Open Trace... (Ctrl+Alt+O): asks for a file unless the command names one. */
    public static final class OpenTrace extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            String f = e.getParameter(FILE_PARAMETER);
            if (f == null) {
                FileDialog fd = new FileDialog(HandlerUtil.getActiveShell(e), SWT.OPEN);
                fd.setText("Open Trace for Offline Analysis");
                fd.setFilterExtensions(new String[] {"*.trc", "*"});
                fd.setFilterNames(new String[] {"vGPIO traces (*.trc)", "All files"});
                f = io.vgpio.ui.FileDialogs.open(fd);
                if (f == null) {
                    return null;
                }
            }
            open(Path.of(f));
            return null;
        }
    }

    /** Trace > Close Trace: the views show the live device again. Enabled while a trace is open (plugin.xml). */
    public static final class CloseTrace extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            SourceService.get().closeTrace();
            return null;
        }
    }
}
