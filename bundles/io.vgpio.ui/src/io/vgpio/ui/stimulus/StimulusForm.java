package io.vgpio.ui.stimulus;

import io.vgpio.core.stimulus.Range;
import io.vgpio.core.stimulus.StimulusDefinition;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

/**
 * One kind of timed stimulus in the Stimulus view: a group of number fields (starting at the shared defaults, in
 * the shared ranges), a button that queues the stimulus, and a label saying what is wrong. A field's own problem
 * (empty, not a number, out of range) comes from the field; a problem across fields (a period not longer than the
 * width) from the core's definition, so the form accepts exactly what the schematic and the control socket accept.
 * Enter in a field presses the button.
 */
final class StimulusForm {
    /** Makes the stimulus from the fields' values, in the order the fields were added. */
    interface Definer {
        StimulusDefinition define(int line, long[] values);
    }

    /** What a form needs from its view. */
    interface Owner {
        /** A device serves and no trace is shown. */
        boolean canDrive();

        /** The line the view drives, or -1 if its field names none. */
        int line();

        void queue(StimulusDefinition stimulus);

        void relayout();
    }

    private final Group group;
    private final StimulusStyle style;
    private final Owner owner;
    private final List<NumberField> fields = new ArrayList<>();
    private Button button;
    private Label problem;
    private Definer definer;
    private int culprit;

    StimulusForm(Composite parent, String title, StimulusStyle style, Owner owner) {
        this.style = style;
        this.owner = owner;
        group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(4).margins(8, 6).spacing(6, 6).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
    }

    /** Adds a field on a row of its own; the last field's row ends with the button. */
    StimulusForm field(String label, Range range, String unit, long initial, String id) {
        if (!fields.isEmpty()) {
            new Label(group, SWT.NONE); // the previous row's fourth cell
        }
        fields.add(new NumberField(group, label, range.name(), unit, initial, range.min(), range.max(), id,
                style.errorBg()));
        return this;
    }

    /**
     * Adds the button that queues what {@code definer} makes of the fields.
     *
     * @param culprit the field marked when the fields are fine one by one but not together
     */
    StimulusForm button(String label, String id, int culprit, Definer definer) {
        this.definer = definer;
        this.culprit = culprit;
        button = new Button(group, SWT.PUSH);
        button.setText(label);
        button.setData(StimulusView.WIDGET_ID, id);
        int width = Math.max(100, button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.END).grab(true, false).hint(width, SWT.DEFAULT)
                .applyTo(button);
        button.addListener(SWT.Selection, e -> {
            if (validate()) {
                owner.queue(definer.define(owner.line(), values()));
            }
        });
        problem = new Label(group, SWT.WRAP);
        problem.setForeground(style.errorFg());
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).exclude(true)
                .applyTo(problem);
        problem.setVisible(false);
        for (NumberField f : fields) {
            f.text().addListener(SWT.Modify, e -> validate());
            f.text().addListener(SWT.DefaultSelection, e -> button.notifyListeners(SWT.Selection, null));
        }
        return this;
    }

    /** The fields and the button: enabled only while a device serves. */
    List<Control> controls() {
        List<Control> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.text()));
        out.add(button);
        return out;
    }

    /** Shows the first problem of the fields (or none), enables the button accordingly; true if it may run. */
    boolean validate() {
        String p = problem();
        boolean had = problem.getVisible();
        problem.setText(p == null ? "" : p);
        problem.setVisible(p != null);
        ((GridData) problem.getLayoutData()).exclude = p == null;
        boolean runnable = p == null && owner.canDrive() && owner.line() >= 0;
        button.setEnabled(runnable);
        if (had != (p != null)) {
            owner.relayout();
        }
        return runnable;
    }

    private String problem() {
        String first = null;
        for (NumberField f : fields) {
            String p = f.problem();
            f.mark(p != null);
            first = first == null ? p : first;
        }
        if (first != null) {
            return first;
        }
        long[] v = values();
        // Line 0: whether the fields go together does not depend on the line, which the line field checks.
        String together = StimulusProblem.of(() -> definer.define(0, v));
        fields.get(culprit).mark(together != null);
        return together;
    }

    private long[] values() {
        return fields.stream().mapToLong(NumberField::value).toArray();
    }
}
