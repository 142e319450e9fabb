package io.vgpio.ui.hardware;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.ChipInfo;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioChips;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.LineInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks how to bind a simulated line to a physical line: direction, chip, line, bias, drive, active-low and
 * debounce, validated as the user types (by the same parser the configuration file uses). The chips and lines
 * offered are this machine's; a chip can also be typed (a label, to survive replugging, or a path).
 */
public final class BindDialog extends TitleAreaDialog {
    private final DeviceConfig device;
    private final int initialLine;
    private final String initialChip;
    private final int initialOffset;
    private final List<ChipInfo> chips = new ArrayList<>();

    private Combo simLine;
    private Combo mode;
    private Combo chip;
    private Combo physical;
    private Combo bias;
    private Combo drive;
    private Button activeLow;
    private Text debounce;
    private LineBinding result;

    /**
     * @param line the simulated line to bind, or -1 to let the user choose
     * @param chipName a chip to preselect (e.g. from the GPIO Hardware view), or null
     * @param offset a physical line to preselect, or -1
     */
    public BindDialog(Shell parent, DeviceConfig device, int line, String chipName, int offset) {
        super(parent);
        this.device = device;
        this.initialLine = line;
        this.initialChip = chipName;
        this.initialOffset = offset;
    }

    /** The binding the user confirmed, or null. */
    public LineBinding result() {
        return result;
    }

    /** Wide enough for the fields; the explanation wraps instead of stretching the dialog. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        org.eclipse.swt.graphics.Point p = super.getInitialSize();
        return new org.eclipse.swt.graphics.Point(Math.min(p.x, 720), p.y);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Bind to Hardware Line");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Bind a simulated line to a physical GPIO line");
        setMessage("An input follows the physical line's edges (with the kernel's timestamps) and raises the guest's"
                + " interrupt; an output drives the pin while the guest has the line as an output.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));

        simLine = combo(c, "Simulated line:", SWT.READ_ONLY, "The line of the virtio-gpio device the guest sees");
        for (int i = 0; i < device.lines(); i++) {
            simLine.add(i + (device.name(i).isEmpty() ? "" : "  " + device.name(i)));
        }
        simLine.select(Math.max(0, initialLine));
        mode = combo(c, "Direction:", SWT.READ_ONLY, null);
        mode.setItems("in: physical input \u2192 guest input (edges raise interrupts)",
                "out: guest output \u2192 physical output (the guest drives the pin)");
        mode.select(0);
        chip = combo(c, "Chip:", SWT.DROP_DOWN, "gpiochipN, /dev/gpiochipN or the chip's label; a label still"
                + " finds a USB adapter whose number changed when it was replugged");
        physical = combo(c, "Physical line:", SWT.DROP_DOWN, "The line's offset or its name");
        bias = combo(c, "Bias:", SWT.READ_ONLY, "Pull-up or pull-down resistor of the physical line");
        for (LineBinding.Bias b : LineBinding.Bias.values()) {
            bias.add(b.word());
        }
        bias.select(0);
        drive = combo(c, "Drive:", SWT.READ_ONLY, "Output drive (outputs only)");
        for (LineBinding.Drive d : LineBinding.Drive.values()) {
            drive.add(d.word());
        }
        drive.select(0);
        new Label(c, SWT.NONE);
        activeLow = new Button(c, SWT.CHECK);
        activeLow.setText("Active-low (the guest's 1 is the pin's low level)");
        Label l = new Label(c, SWT.NONE);
        l.setText("Debounce:");
        debounce = new Text(c, SWT.BORDER);
        debounce.setMessage("none, or e.g. 5ms, 200us (inputs only)");
        debounce.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        loadChips();
        chip.addListener(SWT.Modify, e -> {
            loadLines();
            validate();
        });
        for (Control w : new Control[] {simLine, mode, physical, bias, drive, debounce}) {
            w.addListener(SWT.Modify, e -> validate());
        }
        mode.addListener(SWT.Selection, e -> validate());
        activeLow.addListener(SWT.Selection, e -> validate());
        return area;
    }

    private static Combo combo(Composite c, String label, int style, String tip) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        Combo combo = new Combo(c, style | SWT.BORDER);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (tip != null) {
            combo.setToolTipText(tip);
            l.setToolTipText(tip);
        }
        return combo;
    }

    private void loadChips() {
        try {
            chips.addAll(GpioChips.list());
        } catch (GpioException e) {
            setErrorMessage(e.getMessage());
        }
        for (ChipInfo ci : chips) {
            // Offer the label first: it survives replugging; the name is what gpiodetect shows.
            chip.add(ci.label().isEmpty() ? ci.name() : ci.label());
            if (!ci.label().isEmpty()) {
                chip.add(ci.name());
            }
        }
        if (initialChip != null) {
            chip.setText(initialChip);
        } else if (chip.getItemCount() > 0) {
            chip.select(0);
        }
        loadLines();
        if (initialOffset >= 0) {
            physical.setText(Integer.toString(initialOffset));
        }
    }

    private void loadLines() {
        String sel = chip.getText().strip();
        String keep = physical.getText();
        physical.removeAll();
        if (sel.isEmpty()) {
            return;
        }
        try (GpioChip c = GpioChips.open(sel)) {
            for (int i = 0; i < c.info().lines(); i++) {
                LineInfo li = c.lineInfo(i);
                physical.add(i + (li.name().isEmpty() ? "" : "  " + li.name())
                        + (li.used() ? "  (used by " + (li.consumer().isEmpty() ? "the kernel" : li.consumer()) + ")"
                                : ""));
            }
        } catch (GpioException e) {
            // the message appears when the user confirms, and the combo stays editable
        }
        physical.setText(keep);
    }

    /** The binding text the fields describe, in the configuration file's form. */
    String spec() {
        StringBuilder s = new StringBuilder(mode.getSelectionIndex() == 1 ? "out " : "in ");
        s.append(chip.getText().strip()).append(':').append(firstWord(physical.getText()));
        s.append(" bias=").append(bias.getText());
        if (mode.getSelectionIndex() == 1) {
            s.append(" drive=").append(drive.getText());
        } else if (!debounce.getText().isBlank()) {
            s.append(" debounce=").append(debounce.getText().strip());
        }
        if (activeLow.getSelection()) {
            s.append(" active-low");
        }
        return s.toString();
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    private LineBinding parse() throws ConfigException {
        if (chip.getText().isBlank()) {
            throw new ConfigException("choose a chip" + (chips.isEmpty()
                    ? " (this machine has no /dev/gpiochip*: type one, or plug in a USB GPIO adapter)" : ""));
        }
        if (firstWord(physical.getText()).isEmpty()) {
            throw new ConfigException("choose the physical line (an offset or a name)");
        }
        return LineBinding.parse(Math.max(0, simLine.getSelectionIndex()), spec(), "binding");
    }

    private void validate() {
        boolean out = mode.getSelectionIndex() == 1;
        drive.setEnabled(out);
        debounce.setEnabled(!out);
        String error = null;
        try {
            parse();
        } catch (ConfigException e) {
            error = e.getMessage().replaceFirst("^binding: ", "");
        }
        setErrorMessage(error);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(error == null);
        }
    }

    /** For tests: the debounce field and the error shown. */
    Text debounceField() {
        return debounce;
    }

    String shownError() {
        return getErrorMessage();
    }

    boolean okEnabled() {
        Button ok = getButton(IDialogConstants.OK_ID);
        return ok != null && ok.isEnabled();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Bind", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    @Override
    protected void okPressed() {
        try {
            result = parse();
        } catch (ConfigException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }
}
