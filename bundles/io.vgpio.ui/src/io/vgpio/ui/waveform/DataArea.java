package io.vgpio.ui.waveform;

import org.jfree.chart.swt.ChartComposite;

/** The size of the chart's data area in pixels: the last drawn one, or an estimate before the first paint. */
final class DataArea {
    private DataArea() {
    }

    /** Pixel columns: one frame column each. */
    static int columns(ChartComposite composite) {
        var area = composite.getScreenDataArea();
        if (area != null && area.width > 10) {
            return area.width;
        }
        return Math.max(100, composite.getSize().x - 150);
    }

    /** Height: how many lanes fit. */
    static int height(ChartComposite composite) {
        var area = composite.getScreenDataArea();
        if (area != null && area.height > 10) {
            return area.height;
        }
        return Math.max(LaneScroller.MIN_LANE_PX, composite.getSize().y - 60);
    }
}
