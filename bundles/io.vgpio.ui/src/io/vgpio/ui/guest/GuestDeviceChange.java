package io.vgpio.ui.guest;

import io.vgpio.session.DeviceSession;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * A change of the device under a running guest: the guest's QEMU would keep running without its backend (and a
 * new Run Guest would start a second QEMU beside it), so the user is asked first, the guest is powered off before
 * the device goes, and booted again on the new device when the change replaces the device.
 */
public final class GuestDeviceChange {
    private final GuestOptions restartWith;

    private GuestDeviceChange(GuestOptions restartWith) {
        this.restartWith = restartWith;
    }

    /**
     * Asks, if a guest runs, and powers it off when the user agrees.
     *
     * @param change what the user asked for, e.g. "Starting the device with new settings"
     * @param restart whether the guest boots again on the new device ({@link #resume})
     * @return empty if the user declined: leave the device as it is
     */
    public static Optional<GuestDeviceChange> confirm(Shell shell, String change, boolean restart) {
        GuestProcess g = GuestService.get().current();
        if (g == null) {
            return Optional.of(new GuestDeviceChange(null));
        }
        String question = change + " disconnects the guest running on " + g.socket() + ". It is powered off first"
                + (restart ? " and booted again on the new device." : ".") + " Continue?";
        if (!MessageDialog.openQuestion(shell, "A guest is attached", question)) {
            return Optional.empty();
        }
        GuestService.get().stopWithProgress(shell);
        return Optional.of(new GuestDeviceChange(restart ? g.options() : null));
    }

    /** Powers the running guest (if any) off without asking; blocks. For callers that asked already, and tests. */
    public static GuestDeviceChange powerOff(boolean restart) throws InterruptedException {
        GuestProcess g = GuestService.get().current();
        if (g == null) {
            return new GuestDeviceChange(null);
        }
        GuestService.get().stop();
        return new GuestDeviceChange(restart ? g.options() : null);
    }

    /** Boots the guest that was stopped again, on the new device. */
    public void resume(Shell shell, DeviceSession device) {
        if (restartWith == null || device == null) {
            return;
        }
        try {
            GuestService.get().launch(device, restartWith);
        } catch (IOException e) {
            MessageDialog.openError(shell, "Run Guest", "The guest could not boot again on the new device: "
                    + e.getMessage());
        }
    }
}
