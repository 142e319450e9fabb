package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.WaveformModel;
import java.util.Objects;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseListener;
import org.eclipse.swt.events.MouseMoveListener;
import org.eclipse.swt.events.MouseWheelListener;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;

/**
 * Mouse handling on the chart canvas: wheel zoom around the pointer, drag to pan, click for cursor A,
 * shift-click or right-click for cursor B, and tooltips decoding the event under the pointer.
 * ChartComposite's own zooming is switched off, so these are the only gestures.
 */
final class WaveformMouse implements MouseListener, MouseMoveListener, MouseWheelListener {
    private static final int DRAG_THRESHOLD = 3;

    private final WaveformView view;
    private final Control canvas;
    private int downX = -1;
    private int lastX;
    private boolean dragging;
    private String tip;

    WaveformMouse(WaveformView view, Control canvas) {
        this.view = view;
        this.canvas = canvas;
    }

    void install() {
        canvas.addMouseListener(this);
        canvas.addMouseMoveListener(this);
        canvas.addMouseWheelListener(this);
    }

    private Rectangle area() {
        Rectangle a = view.chartComposite().getScreenDataArea();
        return a == null || a.width <= 0 || a.height <= 0 ? null : a;
    }

    @Override
    public void mouseDown(MouseEvent e) {
        if (e.button == 1) {
            downX = e.x;
            lastX = e.x;
            dragging = false;
        }
    }

    @Override
    public void mouseUp(MouseEvent e) {
        Rectangle a = area();
        WaveformModel.Frame f = view.model().lastFrame();
        boolean click = (e.button == 1 && downX >= 0 && !dragging) || e.button == 3;
        if (click && a != null && f != null && e.x >= a.x && e.x < a.x + a.width) {
            long t = (long) f.timeAt(e.x - a.x + 0.5);
            boolean b = e.button == 3 || (e.stateMask & SWT.SHIFT) != 0;
            view.setCursor(b, t);
        }
        downX = -1;
        dragging = false;
    }

    @Override
    public void mouseDoubleClick(MouseEvent e) {
        // nothing: two clicks already placed the cursor
    }

    @Override
    public void mouseMove(MouseEvent e) {
        Rectangle a = area();
        if (downX >= 0 && (e.stateMask & SWT.BUTTON1) != 0) {
            if (!dragging && Math.abs(e.x - downX) > DRAG_THRESHOLD) {
                dragging = true;
            }
            if (dragging && a != null) {
                long dt = Math.round(-(e.x - lastX) * (double) view.model().span() / a.width);
                lastX = e.x;
                view.pan(dt);
            }
            return;
        }
        String t = null;
        if (a != null && e.x >= a.x && e.x < a.x + a.width && e.y >= a.y && e.y < a.y + a.height) {
            int[] window = view.laneWindow();
            double lane = window[0] - 0.5 + (e.y - a.y + 0.5) / a.height * window[1];
            t = view.tooltipAt(e.x - a.x + 0.5, lane);
        }
        if (!Objects.equals(t, tip)) {
            tip = t;
            canvas.setToolTipText(t);
        }
    }

    @Override
    public void mouseScrolled(MouseEvent e) {
        Rectangle a = area();
        if (a != null && e.x < a.x) {
            view.scrollLanes(e.count > 0 ? -1 : 1); // over the labels: the lanes scroll
            return;
        }
        double column = a == null ? Double.NaN : Math.max(0, Math.min(a.width, e.x - a.x));
        view.zoom(Math.pow(0.8, e.count > 0 ? 1 : -1), column);
    }
}
