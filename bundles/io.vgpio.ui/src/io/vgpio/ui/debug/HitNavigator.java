package io.vgpio.ui.debug;

import io.vgpio.core.breakpoint.Halt;
import io.vgpio.ui.traffic.TrafficView;
import io.vgpio.ui.waveform.WaveformView;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * A breakpoint hit brings the workbench to the moment: the hit event's row is selected in the Traffic view, the
 * waveform's cursor is put on it, and the status line says which breakpoint hit and why. Listens to the debug
 * platform's events (delivered on its dispatch thread) and does the work on the UI thread.
 */
public final class HitNavigator {
    private static volatile String lastStatus = "";

    private HitNavigator() {
    }

    static void install() {
        DebugPlugin.getDefault().addDebugEventListener(events -> {
            for (DebugEvent e : events) {
                if (e.getKind() == DebugEvent.SUSPEND && e.getDetail() == DebugEvent.BREAKPOINT
                        && e.getSource() instanceof DeviceDebugTarget t) {
                    Halt h = t.halt();
                    if (h != null && PlatformUI.isWorkbenchRunning()) {
                        Display d = PlatformUI.getWorkbench().getDisplay();
                        d.asyncExec(() -> show(t, h));
                    }
                }
            }
        });
    }

    /** The last status line message about a hit (tests read it). */
    public static String lastStatus() {
        return lastStatus;
    }

    private static void show(DeviceDebugTarget target, Halt halt) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null || target.isTerminated()) {
            return;
        }
        HeldMessage held = HeldMessage.of(target.device(), halt);
        String status = "Breakpoint " + halt.id() + " hit (" + held.breakpointText() + "): " + held.text();
        lastStatus = status;
        IViewPart traffic = page.findView(TrafficView.ID);
        if (held.event() != null && traffic != null) {
            page.bringToTop(traffic); // its row is the moment: in front of the views it shares a folder with
            ISelectionProvider p = traffic.getSite().getSelectionProvider();
            if (p != null) {
                p.setSelection(new StructuredSelection(held.event()));
            }
        }
        if (held.event() != null && page.findView(WaveformView.ID) instanceof WaveformView w) {
            w.setFollowing(false); // the moment stays on screen, with what led up to it
            w.highlight(held.event());
        }
        IViewPart at = traffic != null ? traffic : page.getActivePart() instanceof IViewPart v ? v : null;
        if (at != null) {
            at.getViewSite().getActionBars().getStatusLineManager().setMessage(status);
        }
    }
}
