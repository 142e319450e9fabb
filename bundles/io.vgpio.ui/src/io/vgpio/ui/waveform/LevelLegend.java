package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.LaneStyle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The waveform's legend, in the words and colours of the schematic's: colour means level for inputs and outputs
 * alike; the direction is in the lane's label (an arrow and "in" or "out").
 */
final class LevelLegend extends Canvas {
    static final String HIGH = "high";
    static final String LOW = "low (inputs and outputs alike)";
    static final String DIRECTION = "\u2192in / \u2190out: the direction, in the lane label";
    private static final int SWATCH = 18;
    private static final int GAP = 14;

    LevelLegend(Composite parent) {
        super(parent, SWT.NONE);
        setData("io.vgpio.id", "waveform.legend");
        setToolTipText(LaneStyle.LEGEND);
        addPaintListener(e -> paint(e.gc));
    }

    private void paint(GC gc) {
        int h = getSize().y;
        int x = 4;
        x = item(gc, x, h, LaneStyle.HIGH, HIGH);
        x = item(gc, x, h, LaneStyle.LOW, LOW);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawText(DIRECTION, x, (h - gc.textExtent(DIRECTION).y) / 2, true);
    }

    private int item(GC gc, int x, int h, int rgb, String text) {
        Color c = new Color(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
        gc.setForeground(c);
        gc.setLineWidth(3);
        gc.drawLine(x, h / 2, x + SWATCH, h / 2);
        gc.setLineWidth(1);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        Point t = gc.textExtent(text);
        gc.drawText(text, x + SWATCH + 4, (h - t.y) / 2, true);
        return x + SWATCH + 4 + t.x + GAP;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            int w = 4 + 2 * (SWATCH + 4 + GAP) + gc.textExtent(HIGH).x + gc.textExtent(LOW).x
                    + gc.textExtent(DIRECTION).x + 4;
            int h = gc.textExtent(HIGH).y + 4;
            return new Point(wHint == SWT.DEFAULT ? w : wHint, hHint == SWT.DEFAULT ? h : hHint);
        } finally {
            gc.dispose();
        }
    }
}
