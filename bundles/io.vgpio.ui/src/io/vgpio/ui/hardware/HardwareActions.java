package io.vgpio.ui.hardware;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.bind.BindingStatus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** The bind and unbind steps the schematic's context menu and the GPIO Hardware view share. */
public final class HardwareActions {
    private HardwareActions() {
    }

    /**
     * Asks for a binding and makes it; a failure (missing chip, busy line naming its consumer) is shown in an error
     * dialog and changes nothing.
     *
     * @return the new binding's status, or null when cancelled or failed
     */
    public static BindingStatus bind(Shell shell, int line, String chip, int offset) {
        DeviceConfig device = HardwareService.get().currentConfig();
        if (device == null) {
            MessageDialog.openInformation(shell, "Bind to Hardware Line",
                    "No device is serving. Start one with Device > Start Device first.");
            return null;
        }
        BindDialog d = new BindDialog(shell, device, line, chip, offset);
        if (d.open() != Window.OK) {
            return null;
        }
        return bind(shell, d.result());
    }

    /** Makes a binding, reporting a failure in a dialog. */
    public static BindingStatus bind(Shell shell, LineBinding b) {
        try {
            return HardwareService.get().bind(b);
        } catch (GpioException e) {
            MessageDialog.openError(shell, "Cannot Bind Line " + b.line(), "Line " + b.line() + " was not bound to "
                    + b.target() + ":\n\n" + e.getMessage() + ".");
            return null;
        }
    }

    /** Unbinds a line; the simulated line keeps working. */
    public static void unbind(int line) {
        HardwareService.get().unbind(line);
    }

    /** A short text for a tooltip or a properties cell: "in gpiochip1:5 - active" or "" when unbound. */
    public static String describe(BindingStatus s) {
        return s == null ? "" : s.binding().spec() + " \u2014 " + s.state().word() + ": " + s.message();
    }
}
