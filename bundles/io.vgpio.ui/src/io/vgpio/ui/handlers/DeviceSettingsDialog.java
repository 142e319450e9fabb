package io.vgpio.ui.handlers;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Protocol;
import io.vgpio.ui.DevicePreferences;
import java.nio.file.Path;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** Socket path, line count, names and the IRQ feature of the device to serve; validated as the user types. */
public final class DeviceSettingsDialog extends TitleAreaDialog {
    private final DevicePreferences.Settings initial;
    private Text socket;
    private Spinner lines;
    private Text names;
    private Button irq;
    private DevicePreferences.Settings result;

    public DeviceSettingsDialog(Shell parent, DevicePreferences.Settings initial) {
        super(parent);
        this.initial = initial;
    }

    /** The settings the user accepted (after OK). */
    public DevicePreferences.Settings result() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Device settings");
        setMessage("The virtio-gpio device the workbench serves. QEMU's vhost-user-gpio-pci connects to the socket.");
        getShell().setText("Start Device");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        socket = field(c, "Socket path:", initial.socket().toString());
        new Label(c, SWT.NONE).setText("Lines:");
        lines = new Spinner(c, SWT.BORDER);
        lines.setValues(initial.config().lines(), 1, Protocol.MAX_LINES, 0, 1, 8);
        lines.addListener(SWT.Modify, e -> validate());
        names = field(c, "Line names (comma-separated, empty = unnamed):", initial.namesList());
        new Label(c, SWT.NONE);
        irq = new Button(c, SWT.CHECK);
        irq.setText("Offer interrupts (VIRTIO_GPIO_F_IRQ)");
        irq.setSelection(initial.config().irq());
        return area;
    }

    private Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 420;
        t.setLayoutData(gd);
        t.addListener(SWT.Modify, e -> validate());
        return t;
    }

    private DevicePreferences.Settings read() throws ConfigException {
        String s = socket.getText().trim();
        if (s.isEmpty()) {
            throw new ConfigException("the socket path is empty; give the path QEMU will connect to.");
        }
        DeviceConfig cfg = DeviceConfig.builder().origin("settings").lines(lines.getSelection())
                .namesList(names.getText()).irq(irq.getSelection()).build();
        return new DevicePreferences.Settings(Path.of(s), cfg);
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        try {
            read();
            setErrorMessage(null);
            if (ok != null) {
                ok.setEnabled(true);
            }
        } catch (ConfigException e) {
            setErrorMessage(e.getMessage());
            if (ok != null) {
                ok.setEnabled(false);
            }
        }
    }

    @Override
    protected void okPressed() {
        try {
            result = read();
            super.okPressed();
        } catch (ConfigException e) {
            setErrorMessage(e.getMessage());
        }
    }
}
