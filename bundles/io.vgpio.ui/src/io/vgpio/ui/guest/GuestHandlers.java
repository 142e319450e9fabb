package io.vgpio.ui.guest;

import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import java.io.IOException;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** The guest's commands in the Device menu (plugin.xml binds each command to one of these classes). */
public final class GuestHandlers {
    private GuestHandlers() {
    }

    /** Device > Run Guest...: asks for the options (remembered), then boots the guest on the device. */
    public static final class Run extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            Shell shell = HandlerUtil.getActiveShell(e);
            DeviceSession device = DeviceService.get().current();
            if (device == null) {
                MessageDialog.openInformation(shell, "Run Guest", "Start the device first (Device > Start Device).");
                return null;
            }
            GuestProcess running = GuestService.get().current();
            if (running != null) {
                MessageDialog.openInformation(shell, "Run Guest", "A guest is already running on "
                        + running.socket() + ": the device serves one guest at a time. Stop it first (Device >"
                        + " Stop Guest).");
                GuestJob.showConsole();
                return null;
            }
            GuestOptionsDialog d = new GuestOptionsDialog(shell, GuestPreferences.load());
            if (d.open() != Window.OK) {
                return null;
            }
            GuestPreferences.save(d.result());
            try {
                GuestService.get().launch(device, d.result());
                GuestJob.showConsole();
            } catch (IOException ex) {
                MessageDialog.openError(shell, "Run Guest", ex.getMessage());
            }
            return null;
        }
    }

    /** Device > Stop Guest: asks, then powers the guest off (QEMU is terminated if it does not go). */
    public static final class Stop extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            Shell shell = HandlerUtil.getActiveShell(e);
            GuestProcess g = GuestService.get().current();
            if (g == null) {
                MessageDialog.openInformation(shell, "Stop Guest", "No guest is running.");
                return null;
            }
            if (MessageDialog.openQuestion(shell, "Stop Guest", "Power off the guest on " + g.socket() + "?"
                    + " (If it does not go within " + GuestService.POWER_OFF_GRACE.toSeconds() + " s, QEMU is"
                    + " terminated.)")) {
                GuestService.get().stopWithProgress(shell);
            }
            return null;
        }
    }

    /** Device Console > Ctrl+C: interrupts the guest's foreground program. */
    public static final class Interrupt extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            GuestProcess g = GuestService.get().current();
            if (g != null) {
                g.type(GuestProcess.INTERRUPT);
            }
            return null;
        }
    }
}
