package io.vgpio.ui.waveform;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The lanes' axis: one label per lane, top down, showing the lanes {@code first .. first + count - 1} of the frame.
 * A {@link SymbolAxis} on its own picks a coarser tick unit when the lanes get thin and silently drops labels;
 * this one always labels every lane it shows (the view keeps lanes tall enough for that) and remembers the labels
 * it drew, so that tests and the status line can read them back from the chart.
 */
final class LaneAxis extends SymbolAxis {
    private static final long serialVersionUID = 1L;
    private transient List<String> drawn = List.of();

    LaneAxis(String[] labels, Font font) {
        super(null, labels);
        setInverted(true);
        setAutoRange(false);
        setAutoTickUnitSelection(false);
        setTickUnit(new NumberTickUnit(1));
        setTickLabelFont(font);
        setGridBandsVisible(true);
        setGridBandPaint(Color.WHITE);
        setGridBandAlternatePaint(new Color(0xf4, 0xf6, 0xf8));
        setTickMarksVisible(false);
        // Room for the longest label: the axis measures with AWT metrics but SWT draws, a little wider.
        int longest = 0;
        for (String l : labels) {
            longest = Math.max(longest, l.length());
        }
        setFixedDimension(24 + longest * 7.5);
        show(0, labels.length);
    }

    /** Shows the lanes first .. first + count - 1. */
    void show(int first, int count) {
        setRange(first - 0.5, first + Math.max(1, count) - 0.5);
    }

    @Override
    public AxisState draw(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea,
            RectangleEdge edge, PlotRenderingInfo info) {
        AxisState state = super.draw(g2, cursor, plotArea, dataArea, edge, info);
        List<String> labels = new ArrayList<>();
        for (Object t : state.getTicks()) {
            String text = ((Tick) t).getText();
            if (text != null && !text.isBlank()) {
                labels.add(text.strip());
            }
        }
        drawn = List.copyOf(labels);
        return state;
    }

    /** The labels drawn by the last paint, top down, without the padding. */
    List<String> drawnLabels() {
        return drawn;
    }
}
