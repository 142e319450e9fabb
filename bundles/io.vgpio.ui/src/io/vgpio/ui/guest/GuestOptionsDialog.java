package io.vgpio.ui.guest;

import java.nio.file.Path;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Run Guest...: a shell or a script, the project's kernel and initrd or the user's own, extra QEMU arguments;
 * validated as the user types.
 */
public final class GuestOptionsDialog extends TitleAreaDialog {
    private final GuestOptions initial;
    private Button shell;
    private Text script;
    private Button shellAfter;
    private Text kernel;
    private Text initrd;
    private Text qemuArgs;
    private GuestOptions result;

    public GuestOptionsDialog(Shell parent, GuestOptions initial) {
        super(parent);
        this.initial = initial;
    }

    /** The options the user accepted (after OK). */
    public GuestOptions result() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Run the test guest");
        setMessage("QEMU boots Linux attached to the device; its serial console is the Device Console's Guest tab.");
        getShell().setText("Run Guest");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(3, false));

        shell = new Button(c, SWT.RADIO);
        shell.setText("Interactive shell (gpiodetect, gpioinfo, gpiomon, your programs)");
        shell.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        Button runScript = new Button(c, SWT.RADIO);
        runScript.setText("Run a script:");
        script = pathField(c, null, initial.script(), "*.sh");
        new Label(c, SWT.NONE);
        shellAfter = new Button(c, SWT.CHECK);
        shellAfter.setText("A shell after the script (else the guest powers off)");
        shellAfter.setSelection(initial.shellAfterScript());
        shellAfter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        boolean scripted = initial.script() != null;
        shell.setSelection(!scripted);
        runScript.setSelection(scripted);
        shell.addListener(SWT.Selection, e -> validate());

        kernel = pathField(c, "Your kernel (empty: the project's):", initial.kernel(), "*");
        initrd = pathField(c, "Your initrd:", initial.initrd(), "*");
        new Label(c, SWT.NONE).setText("Extra QEMU arguments:");
        qemuArgs = new Text(c, SWT.BORDER);
        qemuArgs.setText(GuestOptions.joinArguments(initial.qemuArguments()));
        qemuArgs.setToolTipText("Split like a shell's words, e.g. -s -d guest_errors");
        qemuArgs.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        qemuArgs.addListener(SWT.Modify, e -> validate());
        return area;
    }

    private Text pathField(Composite c, String label, Path value, String filter) {
        if (label != null) {
            new Label(c, SWT.NONE).setText(label);
        }
        Text t = new Text(c, SWT.BORDER);
        t.setText(value == null ? "" : value.toString());
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 380;
        t.setLayoutData(gd);
        t.addListener(SWT.Modify, e -> validate());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog fd = new FileDialog(getShell(), SWT.OPEN);
            fd.setFilterExtensions(new String[] {filter, "*"});
            String f = io.vgpio.ui.FileDialogs.open(fd);
            if (f != null) {
                t.setText(f);
            }
        });
        return t;
    }

    private GuestOptions read() {
        Path s = shell.getSelection() ? null : path(script);
        if (!shell.getSelection() && s == null) {
            throw new IllegalArgumentException("Choose the script the guest runs, or the interactive shell.");
        }
        return new GuestOptions(s, shellAfter.getSelection(), path(kernel), path(initrd),
                GuestOptions.splitArguments(qemuArgs.getText()));
    }

    private static Path path(Text t) {
        String s = t.getText().strip();
        return s.isEmpty() ? null : Path.of(s);
    }

    private void validate() {
        String problem;
        try {
            problem = read().problem();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    @Override
    protected void okPressed() {
        result = read();
        super.okPressed();
    }
}
