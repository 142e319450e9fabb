package io.vgpio.ui.debug.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The "Guest" tab of a "QEMU Guest with vGPIO" configuration: every field of {@link GuestLaunchSettings}. */
public final class GuestLaunchTab extends AbstractLaunchConfigurationTab {
    private Text kernel;
    private Text initrd;
    private Text append;
    private Text qemuArguments;
    private Button tcg;
    private Button kvm;
    private Text deviceConfig;
    private Button qmp;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        note(c, "Leave kernel and initrd empty to boot the project's test guest (built on first use).");
        kernel = file(c, "&Kernel:");
        initrd = file(c, "&Initrd:");
        append = text(c, "Kernel &command line:", "appended after console=ttyS0");
        qemuArguments = text(c, "Extra &QEMU arguments:", "e.g. -s (gdbstub on :1234)");
        new Label(c, SWT.NONE).setText("Accelerator:");
        Composite accel = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(accel);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(accel);
        tcg = radio(accel, "&TCG (emulation)");
        kvm = radio(accel, "K&VM when /dev/kvm works");
        deviceConfig = file(c, "&Device configuration:");
        qmp = new Button(c, SWT.CHECK);
        qmp.setText("QMP &on: pause-guest breakpoints and Suspend also stop the guest's vCPUs");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(qmp);
        qmp.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
        setControl(c);
    }

    private static void note(Composite c, String text) {
        Label l = new Label(c, SWT.WRAP);
        l.setText(text);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(l);
    }

    private Text text(Composite c, String label, String hint) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setMessage(hint);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(360, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> updateLaunchConfigurationDialog());
        return t;
    }

    private Text file(Composite c, String label) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> updateLaunchConfigurationDialog());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse\u2026");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(c.getShell(), SWT.OPEN);
            String f = d.open();
            if (f != null) {
                t.setText(f);
            }
        });
        return t;
    }

    private Button radio(Composite c, String label) {
        Button b = new Button(c, SWT.RADIO);
        b.setText(label);
        b.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
        return b;
    }

    @Override
    public String getName() {
        return "Guest";
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        GuestLaunchSettings.defaults().write(configuration);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        GuestLaunchSettings s;
        try {
            s = GuestLaunchSettings.read(configuration);
        } catch (CoreException e) {
            s = GuestLaunchSettings.defaults();
        }
        kernel.setText(s.kernel());
        initrd.setText(s.initrd());
        append.setText(s.append());
        qemuArguments.setText(s.qemuArguments());
        tcg.setSelection(!s.kvm());
        kvm.setSelection(s.kvm());
        deviceConfig.setText(s.deviceConfig());
        qmp.setSelection(s.qmp());
    }

    private GuestLaunchSettings settings() {
        return new GuestLaunchSettings(kernel.getText().strip(), initrd.getText().strip(), append.getText(),
                qemuArguments.getText(), kvm.getSelection(), deviceConfig.getText().strip(), qmp.getSelection());
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        settings().write(configuration);
    }

    @Override
    public boolean isValid(ILaunchConfiguration launchConfig) {
        String problem = settings().problem();
        setErrorMessage(problem);
        return problem == null;
    }
}
