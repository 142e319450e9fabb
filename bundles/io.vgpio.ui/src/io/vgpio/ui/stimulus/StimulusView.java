package io.vgpio.ui.stimulus;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.core.StimulusScheduler;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import io.vgpio.session.DeviceSession;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * Drives a line's input the way a switch, a signal generator or a bouncing contact would: toggle, edges, a pulse, a
 * pulse train, contact bounce. Every timed change goes through the device's {@link StimulusScheduler} (its own timer
 * thread, microsecond accuracy); the UI thread only submits and later looks whether the work is done. The line's
 * input level, direction and interrupt state are shown live from the chip.
 */
public final class StimulusView extends ViewPart {
    public static final String ID = "io.vgpio.ui.stimulus";
    /** Key of the widget data naming the view's controls, for tests and scripts. */
    public static final String WIDGET_ID = "io.vgpio.ui.id";
    public static final String ID_LINE = "stimulus.line";
    public static final String ID_TOGGLE = "stimulus.toggle";
    public static final String ID_HIGH = "stimulus.high";
    public static final String ID_LOW = "stimulus.low";
    public static final String ID_RISING = "stimulus.rising";
    public static final String ID_FALLING = "stimulus.falling";
    public static final String ID_PULSE_WIDTH = "stimulus.pulse.width";
    public static final String ID_PULSE = "stimulus.pulse";
    public static final String ID_TRAIN_COUNT = "stimulus.train.count";
    public static final String ID_TRAIN_PERIOD = "stimulus.train.period";
    public static final String ID_TRAIN_WIDTH = "stimulus.train.width";
    public static final String ID_TRAIN = "stimulus.train";
    public static final String ID_BOUNCE_TRANSITIONS = "stimulus.bounce.transitions";
    public static final String ID_BOUNCE_DURATION = "stimulus.bounce.duration";
    public static final String ID_BOUNCE = "stimulus.bounce";
    public static final String ID_STATE = "stimulus.state";
    public static final String ID_STATUS = "stimulus.status";

    private static final int TICK_MILLIS = 50;
    private static final long MAX_MICROS = 60_000_000; // one minute
    private static final String US = "\u00b5s";

    private final Consumer<DeviceSession> deviceListener = this::deviceChanged;
    /** While a trace is shown the views are read-only: no stimulus, even though the live device still runs. */
    private final Consumer<DataSource> sourceListener = this::sourceChanged;
    /** Why stimulus is off (a trace is shown), or null. */
    private String readOnly;
    private final Runnable ticker = this::tick;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Control> deviceControls = new ArrayList<>();
    private DeviceSession host;
    private StimulusScheduler scheduler;
    private ScrolledComposite scroller;
    private Composite root;
    private Combo lineCombo;
    private Label lineProblem;
    private Canvas led;
    private Label levelText;
    private Label stateText;
    private Label status;
    private Color errorBg;
    private Color errorFg;
    private Color ledOn;
    private Color ledOff;
    private Font bold;
    private int line = 0;
    private LineState shown;
    private long shownSeq = -1;

    private NumberField pulseWidth;
    private NumberField trainCount;
    private NumberField trainPeriod;
    private NumberField trainWidth;
    private NumberField bounceTransitions;
    private NumberField bounceDuration;
    private Trigger pulse;
    private Trigger train;
    private Trigger bounce;

    /** Work submitted to the scheduler that the status line reports on when it is over. */
    private record Pending(Future<?> future, String what) {
    }

    /** A group's button, the check of its fields and the label that shows what is wrong. */
    private final class Trigger {
        final Button button;
        final Label problem;
        final Supplier<String> check;

        Trigger(Group group, String label, String id, Supplier<String> check, Runnable run) {
            this.check = check;
            button = new Button(group, SWT.PUSH);
            button.setText(label);
            button.setData(WIDGET_ID, id);
            int width = Math.max(100, button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
            GridDataFactory.swtDefaults().align(SWT.END, SWT.END).grab(true, false).hint(width, SWT.DEFAULT)
                    .applyTo(button);
            button.addListener(SWT.Selection, e -> {
                if (validate()) {
                    run.run();
                }
            });
            problem = new Label(group, SWT.WRAP);
            problem.setForeground(errorFg);
            GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).exclude(true)
                    .applyTo(problem);
            problem.setVisible(false);
        }

        /** Shows the first problem of the group's fields (or none) and enables the button accordingly. */
        boolean validate() {
            String p = check.get();
            boolean had = problem.getVisible();
            problem.setText(p == null ? "" : p);
            problem.setVisible(p != null);
            ((GridData) problem.getLayoutData()).exclude = p == null;
            button.setEnabled(p == null && host != null && readOnly == null && lineValid());
            if (had != (p != null)) {
                relayout();
            }
            return p == null && host != null && lineValid();
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        errorBg = new Color(255, 220, 220);
        errorFg = new Color(180, 0, 0);
        ledOn = new Color(40, 190, 60);
        ledOff = new Color(70, 70, 70);
        FontData[] fd = parent.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        bold = new Font(parent.getDisplay(), fd);

        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        root = new Composite(scroller, SWT.NONE);
        scroller.setContent(root);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(6, 6).applyTo(root);

        createLineGroup();
        createLevelGroup();
        createPulseGroup();
        createTrainGroup();
        createBounceGroup();

        status = new Label(root, SWT.WRAP);
        status.setData(WIDGET_ID, ID_STATUS);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
        scroller.addListener(SWT.Resize, e -> relayout());

        DeviceService.get().addListener(deviceListener);
        SourceService.get().addListener(sourceListener);
        bind(DeviceService.get().current());
        applyReadOnly();
        root.getDisplay().timerExec(TICK_MILLIS, ticker);
    }

    private Group group(String title, int columns) {
        Group g = new Group(root, SWT.NONE);
        g.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(columns).margins(8, 6).spacing(6, 6).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
        return g;
    }

    private void createLineGroup() {
        Group g = group("Line", 4);
        Label lineLabel = new Label(g, SWT.NONE);
        lineLabel.setText("Line:");
        GridDataFactory.swtDefaults().hint(NumberField.LABEL_WIDTH, SWT.DEFAULT).applyTo(lineLabel);
        lineCombo = new Combo(g, SWT.DROP_DOWN);
        lineCombo.setData(WIDGET_ID, ID_LINE);
        lineCombo.setToolTipText("The line to drive: pick it, or type its number or name");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(140, SWT.DEFAULT).applyTo(lineCombo);
        lineCombo.addListener(SWT.Modify, e -> lineChanged());
        lineCombo.addListener(SWT.Selection, e -> lineChanged());
        deviceControls.add(lineCombo);

        Label inputLabel = new Label(g, SWT.NONE);
        inputLabel.setText("Input:");
        GridDataFactory.swtDefaults().hint(NumberField.LABEL_WIDTH, SWT.DEFAULT).applyTo(inputLabel);
        led = new Canvas(g, SWT.DOUBLE_BUFFERED);
        GridDataFactory.swtDefaults().hint(16, 16).applyTo(led);
        led.addPaintListener(e -> paintLed(e.gc));
        levelText = new Label(g, SWT.NONE);
        levelText.setFont(bold);
        levelText.setData(WIDGET_ID, "stimulus.level");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(levelText);

        stateText = new Label(g, SWT.WRAP);
        stateText.setData(WIDGET_ID, ID_STATE);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(stateText);
        lineProblem = new Label(g, SWT.WRAP);
        lineProblem.setForeground(errorFg);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).exclude(true)
                .applyTo(lineProblem);
        lineProblem.setVisible(false);
    }

    private void createLevelGroup() {
        Group g = group("Input level", 3);
        GridLayoutFactory.swtDefaults().numColumns(3).equalWidth(true).margins(8, 6).spacing(6, 6).applyTo(g);
        levelButton(g, "Toggle", ID_TOGGLE, "Invert the line's input level", () -> submit(
                scheduler.toggle(line), "toggle"));
        levelButton(g, "Set high", ID_HIGH, "Drive the input high (1)", () -> submit(scheduler.set(line, 1),
                "set high"));
        levelButton(g, "Set low", ID_LOW, "Drive the input low (0)", () -> submit(scheduler.set(line, 0),
                "set low"));
        levelButton(g, "Rising edge", ID_RISING, "Low (if it is not), then high", () -> submit(
                scheduler.risingEdge(line), "rising edge"));
        levelButton(g, "Falling edge", ID_FALLING, "High (if it is not), then low", () -> submit(
                scheduler.fallingEdge(line), "falling edge"));
    }

    private void levelButton(Group g, String label, String id, String tip, Runnable run) {
        Button b = new Button(g, SWT.PUSH);
        b.setText(label);
        b.setToolTipText(tip);
        b.setData(WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(b);
        b.addListener(SWT.Selection, e -> {
            if (host != null && lineValid()) {
                run.run();
            }
        });
        deviceControls.add(b);
    }

    private Group fieldGroup(String title) {
        return group(title, 4);
    }

    private void createPulseGroup() {
        Group g = fieldGroup("Pulse");
        pulseWidth = new NumberField(g, "Width:", "pulse width", US, 1000, 1, MAX_MICROS, ID_PULSE_WIDTH, errorBg);
        pulse = new Trigger(g, "Pulse", ID_PULSE, () -> mark(pulseWidth.problem(), pulseWidth), () -> {
            long w = pulseWidth.value();
            submit(scheduler.pulse(line, w), String.format(Locale.ROOT, "pulse of %,d %s", w, US));
        });
        wire(pulse, pulseWidth);
    }

    private void createTrainGroup() {
        Group g = fieldGroup("Pulse train");
        trainCount = new NumberField(g, "Count:", "pulse count", "pulses", 10, 1, 100_000, ID_TRAIN_COUNT, errorBg);
        new Label(g, SWT.NONE);
        trainPeriod = new NumberField(g, "Period:", "period", US, 20_000, 2, MAX_MICROS, ID_TRAIN_PERIOD, errorBg);
        new Label(g, SWT.NONE);
        trainWidth = new NumberField(g, "Width:", "pulse width", US, 10_000, 1, MAX_MICROS, ID_TRAIN_WIDTH, errorBg);
        train = new Trigger(g, "Start train", ID_TRAIN, this::checkTrain, () -> {
            int n = trainCount.value().intValue();
            long period = trainPeriod.value();
            long width = trainWidth.value();
            submit(scheduler.pulseTrain(line, n, width, period), String.format(Locale.ROOT,
                    "pulse train of %,d \u00d7 %,d %s every %,d %s", n, width, US, period, US));
        });
        wire(train, trainCount, trainPeriod, trainWidth);
    }

    private String checkTrain() {
        String p = mark(trainCount.problem(), trainCount);
        String q = mark(trainPeriod.problem(), trainPeriod);
        String r = mark(trainWidth.problem(), trainWidth);
        if (p != null || q != null || r != null) {
            return p != null ? p : q != null ? q : r;
        }
        long period = trainPeriod.value();
        long width = trainWidth.value();
        if (period <= width) {
            trainPeriod.mark(true);
            return String.format(Locale.ROOT, "The period (%,d %s) must be longer than the width (%,d %s): the line "
                    + "goes low between pulses.", period, US, width, US);
        }
        return null;
    }

    private void createBounceGroup() {
        Group g = fieldGroup("Contact bounce");
        bounceTransitions = new NumberField(g, "Transitions:", "transition count", "", 8, 1, 10_000,
                ID_BOUNCE_TRANSITIONS, errorBg);
        new Label(g, SWT.NONE);
        bounceDuration = new NumberField(g, "Over:", "bounce duration", US, 5000, 1, MAX_MICROS, ID_BOUNCE_DURATION,
                errorBg);
        bounce = new Trigger(g, "Bounce", ID_BOUNCE, this::checkBounce, () -> {
            int n = bounceTransitions.value().intValue();
            long d = bounceDuration.value();
            submit(scheduler.bounce(line, n, d), String.format(Locale.ROOT, "bounce: %,d transitions over %,d %s",
                    n, d, US));
        });
        wire(bounce, bounceTransitions, bounceDuration);
    }

    private String checkBounce() {
        String p = mark(bounceTransitions.problem(), bounceTransitions);
        String q = mark(bounceDuration.problem(), bounceDuration);
        if (p != null || q != null) {
            return p != null ? p : q;
        }
        if (bounceTransitions.value() > bounceDuration.value()) {
            bounceDuration.mark(true);
            return String.format(Locale.ROOT, "%,d transitions do not fit in %,d %s: allow at least 1 %s each.",
                    bounceTransitions.value(), bounceDuration.value(), US, US);
        }
        return null;
    }

    private static String mark(String problem, NumberField f) {
        f.mark(problem != null);
        return problem;
    }

    private void wire(Trigger a, NumberField... fields) {
        for (NumberField f : fields) {
            f.text().addListener(SWT.Modify, e -> a.validate());
            // Enter in a field runs the group's action.
            f.text().addListener(SWT.DefaultSelection, e -> a.button.notifyListeners(SWT.Selection, null));
            deviceControls.add(f.text());
        }
        deviceControls.add(a.button);
    }

    // ---- the device ----------------------------------------------------------------------------------------

    /** DeviceService calls this on the thread that changed the device. */
    private void deviceChanged(DeviceSession h) {
        Display d = root == null || root.isDisposed() ? null : root.getDisplay();
        if (d != null) {
            d.asyncExec(() -> bind(h));
        }
    }

    private void bind(DeviceSession h) {
        if (root == null || root.isDisposed()) {
            return;
        }
        pending.clear();
        host = h;
        scheduler = h == null ? null : h.stimulus(); // the device's: shared with the schematic and the control socket
        String keep = lineCombo.getText();
        lineCombo.removeAll();
        DeviceConfig config = h == null ? null : h.config();
        int n = config == null ? 0 : Math.min(config.lines(), 256); // beyond that, type the number
        for (int i = 0; i < n; i++) {
            lineCombo.add(lineLabel(i, config));
        }
        lineCombo.setVisibleItemCount(Math.min(n, 20));
        int again = config == null ? -1 : parseLine(keep, config);
        lineCombo.setText(config == null ? "" : lineLabel(again >= 0 ? again : 0, config));
        for (Control c : deviceControls) {
            c.setEnabled(h != null && readOnly == null);
        }
        shown = null;
        shownSeq = -1;
        setStatus(readOnly != null ? readOnly
                : h == null ? "No device is serving: start one from the Device menu." : "", h == null);
        lineChanged();
    }

    private void sourceChanged(DataSource s) {
        Display d = root == null || root.isDisposed() ? null : root.getDisplay();
        if (d != null) {
            d.asyncExec(this::applyReadOnly);
        }
    }

    /** Turns stimulus off while a trace is shown, saying why, and back on for the live device. */
    private void applyReadOnly() {
        if (root == null || root.isDisposed()) {
            return;
        }
        TraceSource t = SourceService.get().trace();
        String reason = t == null ? null : "The views show trace " + t.name() + ", which is read-only: no stimulus."
                + " Trace > Close Trace (Back to Live Device) to drive the device again.";
        if (java.util.Objects.equals(reason, readOnly)) {
            return;
        }
        readOnly = reason;
        for (Control c : deviceControls) {
            c.setEnabled(host != null && readOnly == null);
        }
        setStatus(readOnly != null ? readOnly
                : host == null ? "No device is serving: start one from the Device menu." : "", host == null);
        lineChanged();
    }

    /** Why stimulus is off (a trace is shown), or null while it is on. */
    public String readOnlyReason() {
        return readOnly;
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

    private boolean lineValid() {
        return host != null && line >= 0 && line < host.config().lines();
    }

    private void lineChanged() {
        if (host == null) {
            line = -1;
            showLineProblem(null);
            updateState(true);
            return;
        }
        int n = parseLine(lineCombo.getText(), host.config());
        line = n;
        showLineProblem(n >= 0 ? null : "No line \"" + lineCombo.getText().trim() + "\": pick one from the list, or "
                + "type a number from 0 to " + (host.config().lines() - 1) + " or a line's name.");
        for (Trigger a : new Trigger[] {pulse, train, bounce}) {
            a.validate();
        }
        updateState(true);
    }

    private void showLineProblem(String p) {
        boolean had = lineProblem.getVisible();
        lineProblem.setText(p == null ? "" : p);
        lineProblem.setVisible(p != null);
        ((GridData) lineProblem.getLayoutData()).exclude = p == null;
        lineCombo.setBackground(p == null ? null : errorBg);
        if (had != (p != null)) {
            relayout();
        }
    }

    private void submit(Future<?> f, String what) {
        String text = what + " on line " + lineLabel(line, host.config());
        pending.add(new Pending(f, text));
        setStatus("Running: " + text + " \u2026", false);
    }

    private void tick() {
        if (root == null || root.isDisposed()) {
            return;
        }
        updateState(false);
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.future().isDone()) {
                it.remove();
                try {
                    p.future().get();
                    if (pending.isEmpty()) {
                        setStatus("Done: " + p.what() + ".", false);
                    }
                } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    setStatus("Failed: " + p.what() + ": " + cause.getMessage(), true);
                }
            }
        }
        root.getDisplay().timerExec(TICK_MILLIS, ticker);
    }

    /** Shows the line's state; reads the chip only when the log moved (every change of it is logged). */
    private void updateState(boolean force) {
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
        Chip chip = host.chip();
        LineState s = chip.state(line);
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
        gc.setBackground(on ? ledOn : ledOff);
        gc.fillOval(1, 1, 13, 13);
        gc.setForeground(led.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawOval(1, 1, 13, 13);
    }

    private void setStatus(String text, boolean error) {
        status.setText(text);
        status.setForeground(error ? errorFg : null);
        relayout();
    }

    private void relayout() {
        if (root == null || root.isDisposed()) {
            return;
        }
        int width = scroller.getClientArea().width;
        root.layout(true, true);
        scroller.setMinSize(root.computeSize(Math.max(width, 300), SWT.DEFAULT));
    }

    // ---- API for tests -------------------------------------------------------------------------------------

    /** The line the view drives, or -1 if the line field names none. */
    public int line() {
        return line;
    }

    @Override
    public void setFocus() {
        lineCombo.setFocus();
    }

    @Override
    public void dispose() {
        DeviceService.get().removeListener(deviceListener);
        SourceService.get().removeListener(sourceListener);
        if (root != null && !root.isDisposed()) {
            root.getDisplay().timerExec(-1, ticker);
        }
        scheduler = null; // the device's: it outlives this view
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
