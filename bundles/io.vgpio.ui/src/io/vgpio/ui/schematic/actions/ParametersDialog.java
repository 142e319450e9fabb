package io.vgpio.ui.schematic.actions;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for a few positive whole numbers (a pulse width, a train's count, period and width, ...), each with a
 * label and a default; OK is enabled only while every field holds one and the extra check passes.
 */
public final class ParametersDialog extends Dialog {
    /** A cross-field rule: returns an error message, or null when the values are fine. */
    public interface Check {
        String check(long[] values);
    }

    private final String title;
    private final String[] labels;
    private final long[] values;
    private final Check check;
    private Text[] fields;
    private Label error;

    public ParametersDialog(Shell shell, String title, String[] labels, long[] defaults, Check check) {
        super(shell);
        this.title = title;
        this.labels = labels;
        this.values = defaults.clone();
        this.check = check;
    }

    /** The entry field of parameter {@code i} (for tests and key handling), once the dialog is open. */
    public Text field(int i) {
        return fields[i];
    }

    /** Whether OK is enabled: every field holds a positive whole number and the extra check passes. */
    public boolean isComplete() {
        return getButton(IDialogConstants.OK_ID) != null && getButton(IDialogConstants.OK_ID).isEnabled();
    }

    /** The message shown under the fields, "" when there is none. */
    public String message() {
        return error.getText();
    }

    /** The values entered (valid after OK). */
    public long[] values() {
        return values.clone();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        fields = new Text[labels.length];
        for (int i = 0; i < labels.length; i++) {
            new Label(area, SWT.NONE).setText(labels[i]);
            Text text = new Text(area, SWT.BORDER | SWT.RIGHT);
            text.setText(Long.toString(values[i]));
            GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
            gd.widthHint = 120;
            text.setLayoutData(gd);
            text.addModifyListener(e -> validate());
            fields[i] = text;
        }
        error = new Label(area, SWT.WRAP);
        error.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        fields[0].selectAll();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        if (fields == null || error == null) {
            return;
        }
        String message = null;
        for (int i = 0; i < fields.length && message == null; i++) {
            try {
                long v = Long.parseLong(fields[i].getText().trim());
                if (v <= 0) {
                    message = labels[i] + " must be positive";
                }
                values[i] = v;
            } catch (NumberFormatException e) {
                message = labels[i] + " must be a whole number";
            }
        }
        if (message == null && check != null) {
            message = check.check(values);
        }
        error.setText(message == null ? "" : message);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(message == null);
        }
    }
}
