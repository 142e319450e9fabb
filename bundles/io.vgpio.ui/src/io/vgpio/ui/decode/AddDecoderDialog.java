package io.vgpio.ui.decode;

import io.vgpio.decode.view.DecoderSpec;
import io.vgpio.ui.source.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Add Decoder: a protocol, the lines its channels read (by name or number; a line named like the channel is
 * chosen to start with) and its options. Every change is checked at once by {@link DecoderSpec#check} against the
 * shown device's lines, whose one-sentence message the dialog shows; OK is enabled only for a decoder that can run.
 */
public final class AddDecoderDialog extends TitleAreaDialog {
    public static final String TITLE = "Add Decoder";
    private static final int WIDTH = 600;
    private final List<String> lineNames = new ArrayList<>();
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private Combo protocol;
    private Composite options;
    private DecoderSpec spec;
    private String problem;

    /** @param source the device or trace whose lines the decoder reads (null: lines given by number) */
    public AddDecoderDialog(Shell parent, DataSource source) {
        super(parent);
        if (source != null) {
            for (int i = 0; i < source.config().lines(); i++) {
                String n = source.config().name(i);
                lineNames.add(n.isEmpty() ? "line" + i : n);
            }
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(TITLE);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("Protocol:");
        protocol = new Combo(c, SWT.READ_ONLY);
        protocol.setData("io.vgpio.id", "decoder.protocol");
        for (String p : DecoderSpec.PROTOCOLS) {
            protocol.add(DecoderSpec.title(p));
        }
        protocol.select(0);
        protocol.addListener(SWT.Selection, e -> rebuild());
        options = new Composite(c, SWT.NONE);
        options.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        options.setLayout(new GridLayout(2, false));
        rebuild();
        return area;
    }

    /** Wide enough for the longest message on two lines, tall enough for the protocol's fields. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        return getShell().computeSize(WIDTH, SWT.DEFAULT, true);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private String protocolName() {
        return DecoderSpec.PROTOCOLS.get(Math.max(0, protocol.getSelectionIndex()));
    }

    /** The fields of the chosen protocol. */
    private void rebuild() {
        for (Control child : options.getChildren()) {
            child.dispose();
        }
        fields.clear();
        for (DecoderOption o : DecoderOption.of(protocolName())) {
            Control field = switch (o.kind()) {
                case FLAG -> {
                    new Label(options, SWT.NONE);
                    Button b = new Button(options, SWT.CHECK);
                    b.setText(o.label());
                    b.addListener(SWT.Selection, e -> validate());
                    yield b;
                }
                case LINE -> lineCombo(o);
                case CHOICE -> {
                    label(o);
                    Combo combo = new Combo(options, SWT.READ_ONLY);
                    o.choices().forEach(combo::add);
                    combo.select(0);
                    combo.addListener(SWT.Selection, e -> validate());
                    yield combo;
                }
                case TEXT -> {
                    label(o);
                    Text t = new Text(options, SWT.BORDER);
                    t.setText(o.fallback());
                    t.addListener(SWT.Modify, e -> validate());
                    yield t;
                }
            };
            field.setData("io.vgpio.id", "decoder." + o.option());
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            fields.put(o.option(), field);
        }
        options.layout(true, true);
        if (getShell() != null && getShell().isVisible()) {
            getShell().setSize(getInitialSize()); // another protocol has other fields
        }
        setMessage("Decode " + DecoderSpec.title(protocolName()) + " from lines of the device or trace shown;"
                + " a line by its name or number.");
        validate();
    }

    private void label(DecoderOption o) {
        new Label(options, SWT.NONE).setText(o.label() + ":");
    }

    private Combo lineCombo(DecoderOption o) {
        label(o);
        Combo combo = new Combo(options, SWT.DROP_DOWN);
        if (!o.required()) {
            combo.add("");
        }
        lineNames.forEach(combo::add);
        String role = o.option().substring(2).toUpperCase(Locale.ROOT);
        int match = -1;
        for (int i = 0; i < lineNames.size(); i++) {
            if (lineNames.get(i).toUpperCase(Locale.ROOT).equals(role)) {
                match = i;
            }
        }
        if (match >= 0) {
            combo.setText(lineNames.get(match));
        }
        combo.addListener(SWT.Modify, e -> validate());
        return combo;
    }

    /** The spec the fields say now (whether it checks or not). */
    private DecoderSpec read() {
        Map<String, String> values = new LinkedHashMap<>();
        for (DecoderOption o : DecoderOption.of(protocolName())) {
            Control f = fields.get(o.option());
            String v = switch (f) {
                case Button b -> b.getSelection() ? "" : null;
                case Combo c -> c.getText().strip();
                case Text t -> t.getText().strip();
                default -> null;
            };
            if (v != null && (o.kind() == DecoderOption.Kind.FLAG || !v.isEmpty())) {
                values.put(o.option(), v);
            }
        }
        return new DecoderSpec(protocolName(), values);
    }

    private void validate() {
        if (fields.isEmpty()) {
            return;
        }
        DecoderSpec s = read();
        try {
            s.check(lineNames);
            spec = s;
            problem = null;
        } catch (IllegalArgumentException e) {
            spec = null;
            problem = e.getMessage();
        }
        setErrorMessage(problem == null ? null : capitalised(problem) + ".");
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(spec != null);
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The decoder chosen (after OK). */
    public DecoderSpec spec() {
        return spec;
    }

    // ---- for tests: what a user would type and see --------------------------------------------------------

    /** Chooses a protocol (i2c, spi, uart, onewire). */
    public void chooseProtocol(String name) {
        protocol.select(DecoderSpec.PROTOCOLS.indexOf(name));
        rebuild();
    }

    /** Types into (or chooses in, or ticks) the field of an option. */
    public void set(String option, String value) {
        switch (fields.get(option)) {
            case Button b -> b.setSelection(!value.isEmpty() && !value.equals("false"));
            case Combo c -> c.setText(value);
            case Text t -> t.setText(value);
            default -> throw new IllegalArgumentException(option);
        }
        validate();
    }

    /** The message shown for what is wrong, or null when the decoder can run. */
    public String problem() {
        return problem == null ? null : getErrorMessage();
    }

    public boolean okEnabled() {
        Button ok = getButton(IDialogConstants.OK_ID);
        return ok != null && ok.isEnabled();
    }
}
