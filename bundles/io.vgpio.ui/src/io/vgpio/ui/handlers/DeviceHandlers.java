package io.vgpio.ui.handlers;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.ui.DevicePreferences;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.hardware.HardwareService;
import io.vgpio.ui.guest.DemoGuest;
import io.vgpio.ui.guest.GuestDeviceChange;
import io.vgpio.session.DeviceSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** The handlers of the Device menu (plugin.xml binds each command to one of these classes). */
public final class DeviceHandlers {
    private DeviceHandlers() {
    }

    private static Shell shell(ExecutionEvent e) {
        return HandlerUtil.getActiveShell(e);
    }

    /** (Re)starts the device; a guest attached to the old one is powered off first and boots again on it. */
    private static void serve(Shell shell, DevicePreferences.Settings s) {
        Optional<GuestDeviceChange> guest = GuestDeviceChange.confirm(shell, "Starting the device with new"
                + " settings", true);
        if (guest.isEmpty()) {
            return;
        }
        try {
            DeviceSession started = DeviceService.get().start(s.config(), s.socket(),
                    DeviceSession.defaultControl(s.socket()));
            DevicePreferences.save(s);
            guest.get().resume(shell, started);
        } catch (IOException ex) {
            MessageDialog.openError(shell, "Start Device", "The device could not start on " + s.socket() + ":\n"
                    + ex.getMessage());
        }
    }

    /** Device > Start Device...: asks for the settings, then (re)starts the device with them. */
    public static final class Start extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            DeviceSettingsDialog d = new DeviceSettingsDialog(shell(e), DevicePreferences.load());
            if (d.open() == Window.OK) {
                serve(shell(e), d.result());
            }
            return null;
        }
    }

    /** Device > Stop Device: a guest attached to it is powered off first (the user is asked). */
    public static final class Stop extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            if (GuestDeviceChange.confirm(shell(e), "Stopping the device", false).isEmpty()) {
                return null;
            }
            DeviceService.get().stop();
            return null;
        }
    }

    /** Device > Open Device Configuration...: serves the configuration of a file, on the current socket. */
    public static final class OpenConfig extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            FileDialog fd = new FileDialog(shell(e), SWT.OPEN);
            fd.setText("Open Device Configuration");
            fd.setFilterExtensions(new String[] {"*.conf", "*"});
            String f = io.vgpio.ui.FileDialogs.open(fd);
            if (f == null) {
                return null;
            }
            try {
                DeviceConfig c = DeviceConfig.load(Path.of(f));
                serve(shell(e), new DevicePreferences.Settings(DevicePreferences.load().socket(), c));
            } catch (ConfigException ex) {
                MessageDialog.openError(shell(e), "Open Device Configuration", ex.getMessage());
            }
            return null;
        }
    }

    /** Device > Save Device Configuration As...: writes the running device's configuration to a file. */
    public static final class SaveConfig extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            DeviceSession h = DeviceService.get().current();
            // The running device's bindings as they are now, including those made from the schematic.
            DeviceConfig c = h != null ? HardwareService.get().currentConfig() : DevicePreferences.load().config();
            if (h != null) {
                try {
                    c = PartsInConfig.with(c, h.parts()); // and its parts as they are now
                } catch (ConfigException ex) {
                    MessageDialog.openError(shell(e), "Save Device Configuration", ex.getMessage());
                    return null;
                }
            }
            FileDialog fd = new FileDialog(shell(e), SWT.SAVE);
            fd.setText("Save Device Configuration");
            fd.setFileName("device.conf");
            fd.setOverwrite(true);
            String f = io.vgpio.ui.FileDialogs.open(fd);
            if (f == null) {
                return null;
            }
            try {
                Files.writeString(Path.of(f), c.format(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                MessageDialog.openError(shell(e), "Save Device Configuration", "Cannot write " + f + ": "
                        + ex.getMessage());
            }
            return null;
        }
    }

    /** Device > Copy QEMU Command Line. */
    public static final class CopyQemu extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            DeviceSession h = DeviceService.get().current();
            if (h == null) {
                MessageDialog.openInformation(shell(e), "Copy QEMU Command Line", "No device is serving.");
                return null;
            }
            Clipboard cb = new Clipboard(shell(e).getDisplay());
            try {
                cb.setContents(new Object[] {h.qemuCommandLine()}, new Transfer[] {TextTransfer.getInstance()});
            } finally {
                cb.dispose();
            }
            return null;
        }
    }

    /** Device > Run Demo Guest: a scripted Java driver over the real socket (no QEMU); again to stop it. */
    public static final class Demo extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            DeviceSession h = DeviceService.get().current();
            if (h == null) {
                MessageDialog.openInformation(shell(e), "Demo Guest", "Start the device first (Device > Start Device).");
                return null;
            }
            DemoGuest.toggle(h);
            return null;
        }
    }
}
