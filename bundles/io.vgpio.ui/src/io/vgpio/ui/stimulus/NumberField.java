package io.vgpio.ui.stimulus;

import java.util.Locale;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A labelled whole-number field with a unit and a range: "Width [1000] µs". Takes three cells of a grid. Parsing
 * gives either the value or a message that names the field, the range and what was typed.
 */
final class NumberField {
    /** Width of the labels in front of fields, so that fields line up across the view's groups. */
    static final int LABEL_WIDTH = 84;

    private final String name;
    private final long min;
    private final long max;
    private final Text text;
    private final Color errorBg;

    NumberField(Composite grid, String label, String name, String unit, long initial, long min, long max, String id,
            Color errorBg) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.errorBg = errorBg;
        Label l = new Label(grid, SWT.NONE);
        l.setText(label);
        GridDataFactory.swtDefaults().hint(LABEL_WIDTH, SWT.DEFAULT).applyTo(l); // fields line up across groups
        text = new Text(grid, SWT.BORDER | SWT.RIGHT);
        text.setText(Long.toString(initial));
        text.setData(StimulusView.WIDGET_ID, id);
        text.setToolTipText(String.format(Locale.ROOT, "%s: %,d to %,d%s", capitalized(), min, max,
                unit.isEmpty() ? "" : " " + unit));
        GridDataFactory.fillDefaults().hint(72, SWT.DEFAULT).applyTo(text);
        Label u = new Label(grid, SWT.NONE);
        u.setText(unit);
    }

    Text text() {
        return text;
    }

    /** The value, or null if the text is not a whole number in range (see {@link #problem()}). */
    Long value() {
        return problem() == null ? Long.parseLong(text.getText().trim().replace("_", "").replace(",", "")) : null;
    }

    /** What is wrong with the text, or null. */
    String problem() {
        String t = text.getText().trim().replace("_", "").replace(",", "");
        if (t.isEmpty()) {
            return capitalized() + " is empty: type a whole number from " + fmt(min) + " to " + fmt(max) + ".";
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return capitalized() + " must be a whole number, not \"" + text.getText().trim() + "\".";
        }
        if (v < min || v > max) {
            return capitalized() + " must be from " + fmt(min) + " to " + fmt(max) + ", not " + fmt(v) + ".";
        }
        return null;
    }

    /** Marks the field as the culprit (or clears the mark). */
    void mark(boolean bad) {
        text.setBackground(bad ? errorBg : null);
    }

    private String capitalized() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String fmt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
