package io.vgpio.ui.waveform;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Slider;

/**
 * The waveform's vertical scroll bar: lanes never get thinner than {@link #MIN_LANE_PX} (a lane label stays
 * readable and every lane drawn keeps its label), so when more lanes are shown than fit, the chart shows a window of
 * them and this bar moves it.
 */
final class LaneScroller {
    /** The least height of a lane: an 11 pt label with a little air above and below. */
    static final int MIN_LANE_PX = 22;

    private final Slider slider;
    private int lanes;
    private int first;
    private int count = 1;

    /** @param moved called when the user moved the window (the chart needs a new frame) */
    LaneScroller(Composite parent, Runnable moved) {
        slider = new Slider(parent, SWT.VERTICAL);
        slider.setData("io.vgpio.id", "waveform.lanes");
        slider.setToolTipText("Scroll the lanes (or the mouse wheel over the lane labels)");
        slider.addListener(SWT.Selection, e -> {
            first = slider.getSelection();
            moved.run();
        });
        update(0, 0);
    }

    Slider control() {
        return slider;
    }

    /** Fits the window to {@code total} lanes in a data area {@code height} pixels high. */
    void update(int total, int height) {
        lanes = total;
        count = Math.max(1, Math.min(total, height / MIN_LANE_PX));
        first = Math.max(0, Math.min(first, total - count));
        slider.setValues(first, 0, Math.max(1, total), count, 1, Math.max(1, count - 1));
        slider.setEnabled(total > count);
    }

    /** Moves the window by {@code delta} lanes; true if it moved. */
    boolean scrollBy(int delta) {
        return scrollTo(first + delta);
    }

    /** Puts lane {@code lane} at the top (as far as the lanes reach); true if the window moved. */
    boolean scrollTo(int lane) {
        int f = Math.max(0, Math.min(lane, lanes - count));
        boolean moved = f != first;
        first = f;
        slider.setSelection(first);
        return moved;
    }

    /** The first lane shown. */
    int first() {
        return first;
    }

    /** How many lanes are shown. */
    int count() {
        return count;
    }
}
