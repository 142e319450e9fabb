package io.vgpio.ui;

import io.vgpio.ui.console.ConsoleBuffer;
import java.util.Objects;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * No failure of the product's own code goes to the workspace log only: every error logged with an exception thrown
 * by vGPIO code (a view's timer, a listener, a command handler) is also told to the user, on the status line of the
 * active view and in the Device console, in one sentence naming where it happened and what it was. It is installed
 * at startup ({@code org.eclipse.ui.startup}) as a listener of the platform log, so it sees every path to the log.
 * The same message is not repeated while it stands (a timer failing 30 times a second says it once).
 */
public final class ProblemReporter implements ILogListener, IStartup {
    private static final ProblemReporter INSTANCE = new ProblemReporter();
    private static boolean installed;
    private volatile String last;

    @Override
    public void earlyStartup() {
        install();
    }

    /** Starts listening to the platform log (once). */
    public static synchronized void install() {
        if (!installed) {
            installed = true;
            Platform.addLogListener(INSTANCE);
        }
    }

    /** True once it listens to the platform log. */
    public static synchronized boolean isInstalled() {
        return installed;
    }

    /** The last problem told to the user, or null (tests). */
    public static String lastReport() {
        return INSTANCE.last;
    }

    @Override
    public void logging(IStatus status, String plugin) {
        String text = describe(status);
        if (text == null || Objects.equals(text, last)) {
            return;
        }
        last = text;
        ConsoleBuffer.DEVICE.append(text);
        if (PlatformUI.isWorkbenchRunning()) {
            Display d = PlatformUI.getWorkbench().getDisplay();
            if (!d.isDisposed()) {
                d.asyncExec(() -> showOnStatusLine(text));
            }
        }
    }

    /** One sentence for an error thrown by vGPIO code, or null for anything else. */
    static String describe(IStatus status) {
        if (status.getSeverity() != IStatus.ERROR) {
            return null;
        }
        Throwable ex = status.getException();
        StackTraceElement where = ex == null ? null : ownFrame(ex);
        if (where == null) {
            return null;
        }
        String cls = where.getClassName().substring(where.getClassName().lastIndexOf('.') + 1);
        return "Internal error in " + cls + "." + where.getMethodName() + ": " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + ". The workbench carries on; the workspace log (.metadata/.log) has the details.";
    }

    /** The first frame of vGPIO code in the exception or its causes, or null. */
    private static StackTraceElement ownFrame(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("io.vgpio.")) {
                    return e;
                }
            }
        }
        return null;
    }

    private static void showOnStatusLine(String text) {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = w == null ? null : w.getActivePage();
        IWorkbenchPart part = page == null ? null : page.getActivePart();
        if (part != null && part.getSite() instanceof IViewSite site) {
            IStatusLineManager line = site.getActionBars().getStatusLineManager();
            line.setErrorMessage(text);
        }
    }
}
