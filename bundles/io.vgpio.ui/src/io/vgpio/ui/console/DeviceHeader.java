package io.vgpio.ui.console;

import io.vgpio.session.DeviceSession;
import java.util.function.Function;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The Device Console's header: what a user pastes elsewhere, each with a Copy button: the QEMU command line that
 * attaches a guest, and the control socket's path (for scripts: socat, the CLI's control commands).
 */
final class DeviceHeader {
    private final Row qemu;
    private final Row control;

    /** Adds two rows of three columns to parent (a three-column GridLayout). */
    DeviceHeader(Composite parent) {
        qemu = new Row(parent, "Attach a guest:", "Copy the QEMU command line to the clipboard",
                d -> d.qemuCommandLine(), "(no device is serving: Device > Start Device)");
        control = new Row(parent, "Control socket:", "Copy the control socket's path to the clipboard",
                d -> d.control() == null ? "(none)" : d.control().path().toString(), "");
    }

    void show(DeviceSession device) {
        qemu.show(device);
        control.show(device);
    }

    boolean isDisposed() {
        return qemu.text.isDisposed();
    }

    /** The shown control socket path (for tests). */
    String controlText() {
        return control.text.getText();
    }

    void copyQemuCommandLine() {
        qemu.copy();
    }

    private static final class Row {
        private final Text text;
        private final Function<DeviceSession, String> value;
        private final String none;

        Row(Composite parent, String label, String copyTip, Function<DeviceSession, String> value, String none) {
            this.value = value;
            this.none = none;
            new Label(parent, SWT.NONE).setText(label);
            text = new Text(parent, SWT.SINGLE | SWT.READ_ONLY | SWT.BORDER);
            text.setFont(JFaceResources.getTextFont());
            text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button copy = new Button(parent, SWT.PUSH);
            copy.setText("Copy");
            copy.setToolTipText(copyTip);
            copy.addListener(SWT.Selection, e -> copy());
        }

        void show(DeviceSession device) {
            text.setText(device == null ? none : value.apply(device));
        }

        void copy() {
            if (text.getText().isEmpty() || text.getText().startsWith("(")) {
                return; // nothing to copy: no device, or no control socket
            }
            Clipboard cb = new Clipboard(text.getDisplay());
            try {
                cb.setContents(new Object[] {text.getText()}, new Transfer[] {TextTransfer.getInstance()});
            } finally {
                cb.dispose();
            }
        }
    }
}
