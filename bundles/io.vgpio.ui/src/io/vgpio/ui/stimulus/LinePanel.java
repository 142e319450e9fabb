package io.vgpio.ui.stimulus;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.session.DeviceSession;
import java.util.List;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The view's "Line" group: which line to drive (picked, or typed as a number or a name) and that line's input
 * level, direction and interrupt state, live from the chip. It reads the chip only when the event log moved, since
 * every change of a line is logged.
 */
final class LinePanel {
    private final Combo combo;
    private final Label problem;
    private final Canvas led;
    private final Label levelText;
    private final Label stateText;
    private final StimulusStyle style;
    private final Runnable relayout;
    private DeviceSession host;
    private int line = 0;
    private LineState shown;
    private long shownSeq = -1;

    /**
     * @param changed called after the line field changed (and {@link #line()} with it)
     * @param deviceControls gets the controls that work only while a device serves
     */
    LinePanel(Composite group, StimulusStyle style, Runnable changed, Runnable relayout, List<Control> deviceControls) {
        this.style = style;
        this.relayout = relayout;
        Label lineLabel = new Label(group, SWT.NONE);
        lineLabel.setText("Line:");
        GridDataFactory.swtDefaults().hint(NumberField.LABEL_WIDTH, SWT.DEFAULT).applyTo(lineLabel);
        combo = new Combo(group, SWT.DROP_DOWN);
        combo.setData(StimulusView.WIDGET_ID, StimulusView.ID_LINE);
        combo.setToolTipText("The line to drive: pick it, or type its number or name");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(140, SWT.DEFAULT).applyTo(combo);
        for (int event : new int[] {SWT.Modify, SWT.Selection}) {
            combo.addListener(event, e -> {
                lineChanged();
                changed.run();
            });
        }
        deviceControls.add(combo);

        Label inputLabel = new Label(group, SWT.NONE);
        inputLabel.setText("Input:");
        GridDataFactory.swtDefaults().hint(NumberField.LABEL_WIDTH, SWT.DEFAULT).applyTo(inputLabel);
        led = new Canvas(group, SWT.DOUBLE_BUFFERED);
        GridDataFactory.swtDefaults().hint(16, 16).applyTo(led);
        led.addPaintListener(e -> paintLed(e.gc));
        levelText = new Label(group, SWT.NONE);
        levelText.setFont(style.bold());
        levelText.setData(StimulusView.WIDGET_ID, "stimulus.level");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(levelText);

        stateText = new Label(group, SWT.WRAP);
        stateText.setData(StimulusView.WIDGET_ID, StimulusView.ID_STATE);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(stateText);
        problem = new Label(group, SWT.WRAP);
        problem.setForeground(style.errorFg());
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).exclude(true)
                .applyTo(problem);
        problem.setVisible(false);
    }

    /** The line the field names, or -1 if it names none (or no device serves). */
    int line() {
        return line;
    }

    boolean lineValid() {
        return host != null && line >= 0 && line < host.config().lines();
    }

    /** "3 RESET" as the list shows it, or "3" for an unnamed line. */
    String label(int i) {
        return lineLabel(i, host.config());
    }

    /** Lists the device's lines, keeping the line typed if the new device has it too. */
    void bind(DeviceSession h) {
        host = h;
        String keep = combo.getText();
        combo.removeAll();
        DeviceConfig config = h == null ? null : h.config();
        int n = config == null ? 0 : Math.min(config.lines(), 256); // beyond that, type the number
        for (int i = 0; i < n; i++) {
            combo.add(lineLabel(i, config));
        }
        combo.setVisibleItemCount(Math.min(n, 20));
        int again = config == null ? -1 : parseLine(keep, config);
        combo.setText(config == null ? "" : lineLabel(again >= 0 ? again : 0, config));
        shown = null;
        shownSeq = -1;
        lineChanged();
    }

    void setFocus() {
        combo.setFocus();
    }

    /** The line field (it stays usable when the chosen line cannot be driven: it picks another). */
    Control lineField() {
        return combo;
    }

    /** Makes a line the one to drive, as if picked from the list (another view selected it). */
    void select(int line) {
        if (host != null && line >= 0 && line < host.config().lines() && line != this.line) {
            combo.setText(lineLabel(line, host.config()));
        }
    }

    /**
     * Why a stimulus would do nothing on the line, or null: the guest made it an output, so it drives the level
     * itself and does not read the input side a stimulus sets.
     */
    String outputReason() {
        if (!lineValid() || host.chip().state(line).direction() != Direction.OUT) {
            return null;
        }
        return "Line " + label(line) + " is an output: the guest drives it and does not read its input, so a"
                + " stimulus would change nothing it sees. Pick an input line (or one the guest has not requested).";
    }

    private void lineChanged() {
        if (host == null) {
            line = -1;
            showProblem(null);
            updateState(true);
            return;
        }
        int n = parseLine(combo.getText(), host.config());
        line = n;
        showProblem(n >= 0 ? null : "No line \"" + combo.getText().trim() + "\": pick one from the list, or "
                + "type a number from 0 to " + (host.config().lines() - 1) + " or a line's name.");
        updateState(true);
    }

    private static String lineLabel(int i, DeviceConfig config) {
        String name = config.name(i);
        return name.isEmpty() ? Integer.toString(i) : i + " " + name;
    }

    /** A line number, "N NAME" as the combo lists it, or a name; -1 if it names no line of the device. */
    private static int parseLine(String text, DeviceConfig config) {
        String t = text.trim();
        if (t.isEmpty()) {
            return -1;
        }
        String first = t.split("\\s+", 2)[0];
        if (first.chars().allMatch(Character::isDigit)) {
            int n = config.lineIndex(first);
            if (n >= 0 && (first.equals(t) || lineLabel(n, config).equals(t))) {
                return n;
            }
        }
        return config.lineIndex(t);
    }

    private void showProblem(String p) {
        boolean had = problem.getVisible();
        problem.setText(p == null ? "" : p);
        problem.setVisible(p != null);
        ((GridData) problem.getLayoutData()).exclude = p == null;
        combo.setBackground(p == null ? null : style.errorBg());
        if (had != (p != null)) {
            relayout.run();
        }
    }

    /** Shows the line's state; unless forced, only when the log moved. */
    void updateState(boolean force) {
        if (host == null || !lineValid()) {
            levelText.setText(host == null ? "no device" : "-");
            stateText.setText("");
            shown = null;
            led.redraw();
            return;
        }
        long seq = host.log().nextSeq();
        if (!force && seq == shownSeq) {
            return;
        }
        shownSeq = seq;
        LineState s = host.chip().state(line);
        if (s.equals(shown)) {
            return;
        }
        shown = s;
        levelText.setText(s.inputLevel() == 1 ? "high (1)" : "low (0)");
        String dir = s.direction() == Direction.OUT ? "out: the guest drives it, inputs are not seen"
                : s.direction() == Direction.IN ? "in" : "none (not requested by the guest)";
        String irq = s.irqType() == IrqType.NONE ? "off" : s.irqType().word() + (s.armed() ? ", armed" : ", masked")
                + (s.latched() ? ", edge latched" : "");
        stateText.setText("Guest reads " + s.level() + "   \u00b7   direction " + dir + "   \u00b7   interrupt " + irq);
        led.redraw();
        stateText.getParent().layout(true);
    }

    private void paintLed(GC gc) {
        gc.setAntialias(SWT.ON);
        boolean on = shown != null && shown.inputLevel() == 1;
        gc.setBackground(on ? style.ledOn() : style.ledOff());
        gc.fillOval(1, 1, 13, 13);
        gc.setForeground(led.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawOval(1, 1, 13, 13);
    }

}
