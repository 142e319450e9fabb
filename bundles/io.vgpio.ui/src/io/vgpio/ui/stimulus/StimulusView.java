package io.vgpio.ui.stimulus;

import io.vgpio.core.stimulus.Bounce;
import io.vgpio.core.stimulus.Edge;
import io.vgpio.core.stimulus.Pulse;
import io.vgpio.core.stimulus.PulseTrain;
import io.vgpio.core.stimulus.SetLevel;
import io.vgpio.core.stimulus.StimulusDefaults;
import io.vgpio.core.stimulus.StimulusDefinition;
import io.vgpio.core.stimulus.StimulusLimits;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.core.stimulus.Toggle;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.schematic.PinLine;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import io.vgpio.session.DeviceSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * Drives a line's input the way a switch, a signal generator or a bouncing contact would: toggle, edges, a pulse, a
 * pulse train, contact bounce. Every change goes through the device's one {@link StimulusScheduler} (its own timer
 * thread, microsecond accuracy; the schematic and the control socket queue there too); the UI thread only submits
 * and later looks whether the work is done. The line's input level, direction and interrupt state are shown live
 * from the chip ({@link LinePanel}); each timed stimulus has a {@link StimulusForm} starting at the shared
 * {@link StimulusDefaults}. The line to drive follows the schematic's selection; on a line the guest made an output
 * the controls are off and the status line says why (the guest does not read an output's input side).
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
    private static final String US = StimulusLimits.MICROS;
    private static final String NO_DEVICE = "No device is serving: start one from the Device menu.";

    private final Consumer<DeviceSession> deviceListener = this::deviceChanged;
    /** While a trace is shown the views are read-only: no stimulus, even though the live device still runs. */
    private final Consumer<DataSource> sourceListener = this::sourceChanged;
    /** Why stimulus is off (a trace is shown), or null. */
    private String readOnly;
    /** Why a stimulus would do nothing on the chosen line (the guest made it an output), or null. */
    private String output;
    /** The schematic's selected line becomes the line to drive. */
    private final ISelectionListener selectionListener = this::onSelection;
    private final Runnable ticker = this::tick;
    private final List<Control> deviceControls = new ArrayList<>();
    private final List<StimulusForm> forms = new ArrayList<>();
    private final StimulusForm.Owner formOwner = new StimulusForm.Owner() {
        @Override
        public boolean canDrive() {
            return host != null && readOnly == null && output == null;
        }

        @Override
        public int line() {
            return linePanel.line();
        }

        @Override
        public void queue(StimulusDefinition stimulus) {
            submit(stimulus);
        }

        @Override
        public void relayout() {
            StimulusView.this.relayout();
        }
    };
    private DeviceSession host;
    private StimulusStyle style;
    private ScrolledComposite scroller;
    private Composite root;
    private LinePanel linePanel;
    private StatusLine status;

    @Override
    public void createPartControl(Composite parent) {
        style = StimulusStyle.of(parent);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        root = new Composite(scroller, SWT.NONE);
        scroller.setContent(root);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(6, 6).applyTo(root);

        linePanel = new LinePanel(group("Line", 4), style, this::lineChanged, this::relayout, deviceControls);
        createLevelGroup();
        createForms();
        status = new StatusLine(root, style, this::relayout);
        scroller.addListener(SWT.Resize, e -> relayout());

        DeviceService.get().addListener(deviceListener);
        SourceService.get().addListener(sourceListener);
        getSite().getPage().addSelectionListener(selectionListener);
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

    private void createLevelGroup() {
        Group g = group("Input level", 3);
        GridLayoutFactory.swtDefaults().numColumns(3).equalWidth(true).margins(8, 6).spacing(6, 6).applyTo(g);
        levelButton(g, "Toggle", ID_TOGGLE, "Invert the line's input level", Toggle::new);
        levelButton(g, "Set high", ID_HIGH, "Drive the input high (1)", line -> new SetLevel(line, 1));
        levelButton(g, "Set low", ID_LOW, "Drive the input low (0)", line -> new SetLevel(line, 0));
        levelButton(g, "Rising edge", ID_RISING, "Low (if it is not), then high", Edge::rising);
        levelButton(g, "Falling edge", ID_FALLING, "High (if it is not), then low", Edge::falling);
    }

    private void levelButton(Group g, String label, String id, String tip, IntFunction<StimulusDefinition> define) {
        Button b = new Button(g, SWT.PUSH);
        b.setText(label);
        b.setToolTipText(tip);
        b.setData(WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(b);
        b.addListener(SWT.Selection, e -> {
            if (host != null && linePanel.lineValid()) {
                submit(define.apply(linePanel.line()));
            }
        });
        deviceControls.add(b);
    }

    /** The timed stimuli, each with the shared defaults and ranges. */
    private void createForms() {
        forms.add(new StimulusForm(root, "Pulse", style, formOwner)
                .field("Width:", StimulusLimits.PULSE_WIDTH, US, StimulusDefaults.PULSE_WIDTH_US, ID_PULSE_WIDTH)
                .button("Pulse", ID_PULSE, 0, (line, v) -> new Pulse(line, v[0])));
        forms.add(new StimulusForm(root, "Pulse train", style, formOwner)
                .field("Count:", StimulusLimits.TRAIN_COUNT, "pulses", StimulusDefaults.TRAIN_COUNT,
                        ID_TRAIN_COUNT)
                .field("Period:", StimulusLimits.TRAIN_PERIOD, US, StimulusDefaults.TRAIN_PERIOD_US,
                        ID_TRAIN_PERIOD)
                .field("Width:", StimulusLimits.PULSE_WIDTH, US, StimulusDefaults.TRAIN_WIDTH_US, ID_TRAIN_WIDTH)
                .button("Start train", ID_TRAIN, 1, (line, v) -> new PulseTrain(line,
                        StimulusLimits.TRAIN_COUNT.checkInt(v[0]), v[1], v[2])));
        forms.add(new StimulusForm(root, "Contact bounce", style, formOwner)
                .field("Transitions:", StimulusLimits.BOUNCE_TRANSITIONS, "", StimulusDefaults.BOUNCE_TRANSITIONS,
                        ID_BOUNCE_TRANSITIONS)
                .field("Over:", StimulusLimits.BOUNCE_DURATION, US, StimulusDefaults.BOUNCE_DURATION_US,
                        ID_BOUNCE_DURATION)
                .button("Bounce", ID_BOUNCE, 1, (line, v) -> new Bounce(line,
                        StimulusLimits.BOUNCE_TRANSITIONS.checkInt(v[0]), v[1])));
        forms.forEach(f -> deviceControls.addAll(f.controls()));
    }

    private void validateForms() {
        forms.forEach(StimulusForm::validate);
    }

    /** The line field changed: the forms check their values again, and an output line turns stimulus off. */
    private void lineChanged() {
        checkOutput();
        validateForms();
    }

    /** Turns the stimulus controls off, saying why, while the chosen line is an output (the guest may change it). */
    private void checkOutput() {
        String reason = linePanel == null ? null : linePanel.outputReason();
        if (Objects.equals(reason, output)) {
            return;
        }
        output = reason;
        enableDeviceControls();
        showIdleStatus();
        validateForms();
    }

    /** A line selected in the schematic (anything adapting to {@link PinLine}) becomes the line to drive. */
    private void onSelection(IWorkbenchPart part, ISelection selection) {
        if (part == this || !(selection instanceof IStructuredSelection s) || s.isEmpty() || root == null
                || root.isDisposed()) {
            return;
        }
        PinLine pin = Adapters.adapt(s.getFirstElement(), PinLine.class);
        if (pin != null && readOnly == null) {
            linePanel.select(pin.line());
        }
    }

    /** Queues the stimulus on the device's scheduler; the status line reports when it is over. */
    private void submit(StimulusDefinition stimulus) {
        String what = stimulus.describe() + " on line " + linePanel.label(stimulus.line());
        try {
            status.track(host.stimulus().submit(stimulus), what);
        } catch (RejectedExecutionException e) {
            status.show("Failed: " + what + ": the device is stopping.", true);
        }
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
        status.forget(); // what was queued went with the old device's scheduler
        host = h;
        linePanel.bind(h);
        enableDeviceControls();
        showIdleStatus();
        validateForms();
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
        if (Objects.equals(reason, readOnly)) {
            return;
        }
        readOnly = reason;
        enableDeviceControls();
        showIdleStatus();
        validateForms();
        linePanel.updateState(true);
    }

    private void enableDeviceControls() {
        for (Control c : deviceControls) {
            // The line field stays usable on an output line: it is how the user picks another one.
            boolean lineField = c == linePanel.lineField();
            c.setEnabled(host != null && readOnly == null && (output == null || lineField));
        }
    }

    private void showIdleStatus() {
        String text = readOnly != null ? readOnly : host == null ? NO_DEVICE : output != null ? output : "";
        status.show(text, host == null);
    }

    /** Why stimulus does nothing on the chosen line (an output), or null (tests). */
    public String outputReason() {
        return output;
    }

    /** Why stimulus is off (a trace is shown), or null while it is on. */
    public String readOnlyReason() {
        return readOnly;
    }

    private void tick() {
        if (root == null || root.isDisposed()) {
            return;
        }
        linePanel.updateState(false);
        checkOutput(); // the guest may have turned the line around
        status.poll();
        root.getDisplay().timerExec(TICK_MILLIS, ticker);
    }

    private void relayout() {
        if (root == null || root.isDisposed() || scroller == null) {
            return;
        }
        int width = scroller.getClientArea().width;
        root.layout(true, true);
        scroller.setMinSize(root.computeSize(Math.max(width, 300), SWT.DEFAULT));
    }

    // ---- API for tests -------------------------------------------------------------------------------------

    /** The line the view drives, or -1 if the line field names none. */
    public int line() {
        return linePanel.line();
    }

    @Override
    public void setFocus() {
        linePanel.setFocus();
    }

    @Override
    public void dispose() {
        DeviceService.get().removeListener(deviceListener);
        SourceService.get().removeListener(sourceListener);
        getSite().getPage().removeSelectionListener(selectionListener);
        if (root != null && !root.isDisposed()) {
            root.getDisplay().timerExec(-1, ticker);
        }
        if (style != null) {
            style.dispose();
        }
        super.dispose();
    }
}
