package io.vgpio.ui.debug;

import io.vgpio.core.Event;
import io.vgpio.core.MessageType;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.Trigger;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;

/** The menu entries that add GPIO breakpoints: the schematic line's "Break on" submenu, a traffic row's entry. */
public final class BreakMenu {
    /** The schematic line menu's submenu. */
    public static final String SUBMENU = "Break on";
    /** The traffic row's entry. */
    public static final String LIKE_THIS = "Break on Messages Like This";
    private static final ILog LOG = Platform.getLog(BreakMenu.class);

    private BreakMenu() {
    }

    /** Adds "Break on ▸ Interrupt / SET_VALUE / GET_VALUE / Level change / Any request" for a line. */
    public static void addTo(IMenuManager menu, int line) {
        MenuManager sub = new MenuManager(SUBMENU);
        sub.add(entry("&Interrupt", BreakpointFactory.onLine(Trigger.INTERRUPT, null, line)));
        sub.add(entry("&SET_VALUE", BreakpointFactory.onLine(Trigger.REQUEST, MessageType.SET_VALUE, line)));
        sub.add(entry("&GET_VALUE", BreakpointFactory.onLine(Trigger.REQUEST, MessageType.GET_VALUE, line)));
        sub.add(entry("&Level change", BreakpointFactory.onLine(Trigger.LEVEL, null, line)));
        sub.add(entry("&Any request", BreakpointFactory.onLine(Trigger.REQUEST, null, line)));
        menu.add(sub);
    }

    /** "Break on Messages Like This" for a traffic row's event (disabled without one, or for one it cannot). */
    public static IAction likeThis(Event event) {
        BreakpointSpec spec = event == null ? null : BreakpointFactory.like(event);
        IAction a = entry(LIKE_THIS, spec);
        a.setEnabled(spec != null);
        if (spec != null) {
            a.setToolTipText(spec.format());
        }
        return a;
    }

    private static IAction entry(String text, BreakpointSpec spec) {
        return new Action(text) {
            @Override
            public void run() {
                try {
                    BreakpointFactory.add(spec);
                } catch (CoreException e) {
                    LOG.log(e.getStatus());
                }
            }
        };
    }
}
