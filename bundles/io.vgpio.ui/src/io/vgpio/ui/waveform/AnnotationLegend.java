package io.vgpio.ui.waveform;

import io.vgpio.decode.view.AnnotationStyle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The decoder lanes' legend, under the level legend and only while a decoder lane is shown: one swatch per group
 * of annotation kinds ({@link AnnotationStyle#GROUPS}), in the pale fills that never mean a level.
 */
final class AnnotationLegend extends Canvas {
    static final String TITLE = "decoders:";
    private static final int SWATCH = 16;
    private static final int GAP = 12;
    private final GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);

    AnnotationLegend(Composite parent) {
        super(parent, SWT.NONE);
        setData("io.vgpio.id", "waveform.decoderLegend");
        setLayoutData(layout);
        addPaintListener(e -> paint(e.gc));
        show(false);
    }

    /** Shows the legend while decoder lanes are shown; hidden it takes no room. */
    void show(boolean on) {
        if (layout.exclude != !on) {
            layout.exclude = !on;
            setVisible(on);
            getParent().layout(true, true);
        }
    }

    private void paint(GC gc) {
        int h = getSize().y;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawText(TITLE, 4, (h - gc.textExtent(TITLE).y) / 2, true);
        int x = 4 + gc.textExtent(TITLE).x + 8;
        for (AnnotationStyle.Group g : AnnotationStyle.GROUPS) {
            int rgb = g.fill();
            Color c = new Color(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
            gc.setBackground(c);
            gc.fillRectangle(x, h / 2 - 6, SWATCH, 12);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawRectangle(x, h / 2 - 6, SWATCH, 12);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            Point t = gc.textExtent(g.name());
            gc.drawText(g.name(), x + SWATCH + 4, (h - t.y) / 2, true);
            x += SWATCH + 4 + t.x + GAP;
        }
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            int w = 4 + gc.textExtent(TITLE).x + 8;
            for (AnnotationStyle.Group g : AnnotationStyle.GROUPS) {
                w += SWATCH + 4 + gc.textExtent(g.name()).x + GAP;
            }
            int h = gc.textExtent(TITLE).y + 4;
            return new Point(wHint == SWT.DEFAULT ? w : wHint, hHint == SWT.DEFAULT ? h : hHint);
        } finally {
            gc.dispose();
        }
    }
}
