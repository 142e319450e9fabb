package io.vgpio.ui.schematic;

import io.vgpio.core.waveform.TimeText;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * The schematic's time bar for an opened trace: a slider over the whole recording, buttons to the start, the end
 * and the previous or next event, the scrub time (seconds since the trace start and wall clock), how many events
 * lie before it, and "Back to Live Device". Moving it sets the {@link TraceSource}'s scrub time, which the chip
 * and the waveform's scrub cursor follow; a scrub time set elsewhere (a traffic row) moves the slider.
 */
public final class TimeScrubber extends Composite {
    /** Key of the widget data naming the controls, for tests and scripts. */
    public static final String WIDGET_ID = "io.vgpio.id";
    /** Slider positions over the trace: fine enough for a 1080p screen, coarse enough for Scale. */
    public static final int STEPS = 10_000;

    private final LongConsumer scrubListener = t -> scrubbed();
    private final Scale scale;
    private final Label time;
    private TraceSource trace;

    public TimeScrubber(Composite parent) {
        super(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(7).margins(6, 3).spacing(4, 2).applyTo(this);
        button("|\u25c0", "Go to the start of the trace", "scrubber.start", () -> scrubTo(0));
        button("\u25c0", "Go to the previous event (Page Up in the slider: a bigger step)", "scrubber.previous",
                () -> scrubTo(trace.previousEventTime()));
        scale = new Scale(this, SWT.HORIZONTAL);
        scale.setData(WIDGET_ID, "scrubber.scale");
        scale.setMinimum(0);
        scale.setMaximum(STEPS);
        scale.setIncrement(1);
        scale.setPageIncrement(STEPS / 50);
        scale.setToolTipText("Drag to show the chip at any time of the trace (arrow keys: fine steps)");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(scale);
        scale.addListener(SWT.Selection, e -> {
            if (trace != null) {
                trace.setScrubTime(Math.round(trace.durationNanos() * (double) scale.getSelection() / STEPS));
            }
        });
        button("\u25b6", "Go to the next event", "scrubber.next", () -> scrubTo(trace.nextEventTime()));
        button("\u25b6|", "Go to the end of the trace", "scrubber.end", () -> scrubTo(trace.durationNanos()));
        Button live = new Button(this, SWT.PUSH);
        live.setText("Back to Live Device");
        live.setToolTipText("Close the trace; the views show the running device again (Trace > Close Trace)");
        live.setData(WIDGET_ID, "scrubber.live");
        live.addListener(SWT.Selection, e -> SourceService.get().closeTrace());
        time = new Label(this, SWT.NONE);
        time.setData(WIDGET_ID, "scrubber.time");
        GridDataFactory.fillDefaults().span(7, 1).grab(true, false).applyTo(time);
    }

    private void button(String text, String tip, String id, Runnable run) {
        Button b = new Button(this, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.setData(WIDGET_ID, id);
        b.addListener(SWT.Selection, e -> {
            if (trace != null) {
                run.run();
            }
        });
    }

    /** Shows a trace's scrub time and drives it (null: none, the bar is idle). */
    public void bind(TraceSource t) {
        if (trace != null) {
            trace.removeScrubListener(scrubListener);
        }
        trace = t;
        if (t != null) {
            t.addScrubListener(scrubListener);
            scrubbed();
        }
    }

    private void scrubTo(long t) {
        trace.setScrubTime(t);
    }

    /** The trace's scrub time moved (here or elsewhere): move the slider and say where it is. */
    private void scrubbed() {
        if (isDisposed() || trace == null) {
            return;
        }
        long d = trace.durationNanos();
        long t = trace.scrubTime();
        int pos = d <= 0 ? 0 : (int) Math.round((double) t / d * STEPS);
        if (scale.getSelection() != pos) {
            scale.setSelection(pos);
        }
        // Short enough for the schematic's width at 1024 pixels; how long the rebuild took is the tooltip's.
        String text = String.format(Locale.ROOT, "t = %s of %s  \u00b7  %s  \u00b7  %,d of %,d events",
                TimeText.seconds(t), TimeText.seconds(d), trace.wallClockText(t), trace.eventsUpToScrub(),
                trace.trace().events());
        if (!text.equals(time.getText())) {
            time.setText(text);
            time.setToolTipText(String.format(Locale.ROOT, "The chip's state at this time, rebuilt from the trace in"
                    + " %.2f ms", trace.lastScrubNanos() / 1e6));
            time.getParent().layout(new org.eclipse.swt.widgets.Control[] {time});
        }
    }

    /** Whether the time line shows its whole text at the bar's current width (for tests). */
    public boolean timeTextFits() {
        return time.computeSize(SWT.DEFAULT, SWT.DEFAULT).x <= time.getSize().x;
    }

    /** The slider (for tests). */
    public Scale scale() {
        return scale;
    }

    /** The time line's text (for tests). */
    public String timeText() {
        return time.getText();
    }

    @Override
    public void dispose() {
        bind(null);
        super.dispose();
    }
}
