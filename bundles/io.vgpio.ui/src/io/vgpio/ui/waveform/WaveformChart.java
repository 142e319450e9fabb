package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.LaneData;
import io.vgpio.core.waveform.LaneStyle;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.decode.view.AnnotationLayout;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The JFreeChart side of the waveform: an XYPlot whose series are the visible lanes and whose items are the
 * runs of a {@link WaveformModel.Frame}, drawn by {@link LaneRenderer}; lanes on a {@link LaneAxis} (top down, a
 * window of lanes that the view scrolls),
 * time on a {@link NumberAxis} in seconds since the device started, cursors and the highlighted event as domain
 * markers.
 */
public final class WaveformChart {
    private static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 10);
    private static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 11);

    /** Time axis labels: the live log counts from the device's start, a trace from the recording's start. */
    static final String LIVE_TIME = "time since the device started (s)";
    static final String TRACE_TIME = "time since the recording started (s)";

    private final FrameDataset dataset = new FrameDataset();
    private final XYPlot plot;
    private final NumberAxis timeAxis;
    private final JFreeChart chart;
    private String[] laneLabels = new String[0];
    private LaneAxis laneAxis;
    private int firstLane;
    private int laneCount = 1;

    /** Labels the time axis for a live device or a trace. */
    void setTrace(boolean trace) {
        timeAxis.setLabel(trace ? TRACE_TIME : LIVE_TIME);
    }

    /** The time axis label shown now (also used by the SVG export). */
    String timeLabel() {
        return timeAxis.getLabel();
    }

    public WaveformChart() {
        timeAxis = new NumberAxis(LIVE_TIME);
        timeAxis.setAutoRange(false);
        timeAxis.setTickLabelFont(TICK_FONT);
        timeAxis.setLabelFont(LABEL_FONT);
        timeAxis.setNumberFormatOverride(new SecondsFormat(timeAxis));
        laneAxis = new LaneAxis(new String[] {""}, LABEL_FONT);
        plot = new XYPlot(dataset, timeAxis, laneAxis, new LaneRenderer(dataset));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlinePaint(new Color(0xaa, 0xaa, 0xaa));
        chart = new JFreeChart(null, LABEL_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
    }

    /** The lanes the axis shows: {@code count} lanes from {@code first} (the view scrolls them). */
    void showLanes(int first, int count) {
        firstLane = first;
        laneCount = Math.max(1, count);
        laneAxis.show(firstLane, laneCount);
    }

    /** The lane labels drawn by the last paint, top down (tests read them back from the chart). */
    public List<String> drawnLaneLabels() {
        return laneAxis.drawnLabels();
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYPlot plot() {
        return plot;
    }

    public WaveformModel.Frame frame() {
        return dataset.frame;
    }

    /** The chart's rows at the last {@link #show}: lanes and decoder rows, top down. */
    List<ChartRow> rows() {
        return dataset.rows;
    }

    /** The annotation boxes the last paint drew in the decoder row labelled {@code label} (empty if none). */
    List<AnnotationLayout.Box> drawnBoxes(String label) {
        return dataset.drawn.getOrDefault(label, List.of());
    }

    /** Shows a frame without decoders: one redraw of the chart. */
    public void show(WaveformModel.Frame f) {
        show(f, ChartRow.arrange(f, List.of()));
    }

    /** Shows a frame whose rows are its lanes and decoder rows ({@link ChartRow#arrange}). */
    void show(WaveformModel.Frame f, List<ChartRow> rows) {
        chart.setNotify(false);
        try {
            dataset.frame = f;
            dataset.rows = List.copyOf(rows);
            // Trailing spaces: the axis right-aligns with AWT metrics, SWT draws a little wider.
            String[] labels = rows.stream().map(r -> r.label() + "   ").toArray(String[]::new);
            if (!Arrays.equals(labels, laneLabels)) {
                laneLabels = labels;
                laneAxis = new LaneAxis(labels.length == 0 ? new String[] {""} : labels, LABEL_FONT);
                plot.setRangeAxis(0, laneAxis, false);
            }
            laneAxis.show(firstLane, laneCount);
            double a = seconds(f, f.t0());
            double b = seconds(f, f.t1());
            timeAxis.setRange(new Range(a, Math.max(b, a + 1e-9)), true, false);
            plot.clearDomainMarkers();
            marker(f, f.cursorA(), new Color(LaneStyle.CURSOR_A), 1.5f, "A");
            marker(f, f.cursorB(), new Color(LaneStyle.CURSOR_B), 1.5f, "B");
            marker(f, f.highlight(), new Color(LaneStyle.HIGHLIGHT), 2.5f, null);
            marker(f, f.scrub(), new Color(LaneStyle.SCRUB), 2f, "\u25bc");
            dataset.changed();
        } finally {
            chart.setNotify(true);
        }
    }

    private void marker(WaveformModel.Frame f, long t, Color c, float width, String label) {
        if (t == WaveformModel.NONE) {
            return;
        }
        ValueMarker m = new ValueMarker(seconds(f, t), c, new BasicStroke(width));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(LABEL_FONT);
            m.setLabelPaint(c);
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(2, 4, 2, 2));
            m.setLabelBackgroundColor(Color.WHITE);
        }
        plot.addDomainMarker(0, m, Layer.FOREGROUND, false);
    }

    static double seconds(WaveformModel.Frame f, long t) {
        return (t - f.origin()) / 1e9;
    }

    /** Series = visible lanes, items = runs. X is the run's start in seconds, Y its lane. */
    static final class FrameDataset extends AbstractXYDataset {
        private static final long serialVersionUID = 1L;
        transient WaveformModel.Frame frame;
        transient List<ChartRow> rows = List.of();
        /** What each decoder row drew at the last paint, by its label. */
        final transient Map<String, List<AnnotationLayout.Box>> drawn = new HashMap<>();

        void changed() {
            fireDatasetChanged();
        }

        @Override
        public int getSeriesCount() {
            return frame == null ? 0 : rows.size();
        }

        @Override
        public Comparable<String> getSeriesKey(int series) {
            return rows.get(series).key(frame);
        }

        @Override
        public int getItemCount(int series) {
            ChartRow r = rows.get(series);
            return r.isDecoder() ? 1 : frame.lanes().get(r.lane()).runs(); // a decoder row is drawn in one go
        }

        @Override
        public Number getX(int series, int item) {
            ChartRow r = rows.get(series);
            return seconds(frame, r.isDecoder() ? frame.t0()
                    : (long) frame.timeAt(frame.lanes().get(r.lane()).start(item)));
        }

        @Override
        public Number getY(int series, int item) {
            return series;
        }
    }

    /** Draws one run: a level segment, an edge, a filled burst, a grey unknown stretch, or a marker tick. */
    static final class LaneRenderer extends AbstractXYItemRenderer {
        private static final long serialVersionUID = 1L;
        private static final BasicStroke LINE = new BasicStroke(1.5f);
        private final transient FrameDataset frames;

        LaneRenderer(FrameDataset frames) {
            this.frames = frames;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D area, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                CrosshairState crosshairState, int pass) {
            WaveformModel.Frame f = frames.frame;
            double lower = rangeAxis.getLowerBound();
            if (series < lower || series > rangeAxis.getUpperBound()) {
                return; // scrolled out of the lane window
            }
            ChartRow row = frames.rows.get(series);
            if (row.isDecoder()) {
                double top = rangeAxis.valueToJava2D(series - 0.4, area, plot.getRangeAxisEdge());
                double bottom = rangeAxis.valueToJava2D(series + 0.4, area, plot.getRangeAxisEdge());
                frames.drawn.put(row.label(), DecoderLanePainter.paint(g2, area, top, bottom, row.annotations(),
                        row.decoder().problem(), f.t0() - f.origin(), f.t1() - f.origin(), f.columns()));
                return;
            }
            LaneData d = f.lanes().get(row.lane());
            double colW = area.getWidth() / f.columns();
            double x0 = area.getX() + d.start(item) * colW;
            double x1 = area.getX() + d.end(item) * colW;
            // On whole pixels (SWT centres a thin line on the pixel row itself): a level line is crisp, its colour
            // exactly the level's rather than blurred over two rows.
            double yHigh = Math.round(rangeAxis.valueToJava2D(series - 0.32, area, plot.getRangeAxisEdge()));
            double yLow = Math.round(rangeAxis.valueToJava2D(series + 0.32, area, plot.getRangeAxisEdge()));
            // Colour means level (LaneStyle): a run's colour comes from its state, not from the line's direction.
            int rgb = LaneStyle.of(d, item);
            Color c = new Color(rgb);
            g2.setStroke(LINE);
            switch (d.state(item)) {
                case LaneData.LOW -> {
                    g2.setPaint(c);
                    g2.draw(new Line2D.Double(x0, yLow, x1, yLow));
                }
                case LaneData.HIGH -> {
                    g2.setPaint(new Color(LaneStyle.tint(rgb))); // opaque: SWTGraphics2D alpha is costly
                    g2.fill(new Rectangle2D.Double(x0, yHigh, x1 - x0, yLow - yHigh));
                    g2.setPaint(c);
                    g2.draw(new Line2D.Double(x0, yHigh, x1, yHigh));
                }
                case LaneData.EDGE -> {
                    g2.setPaint(c);
                    double x = (x0 + x1) / 2;
                    g2.draw(new Line2D.Double(x, yLow, x, yHigh));
                }
                case LaneData.BURST -> {
                    g2.setPaint(c);
                    g2.fill(new Rectangle2D.Double(x0, yHigh, Math.max(1, x1 - x0), yLow - yHigh));
                }
                case LaneData.UNKNOWN -> {
                    g2.setPaint(c);
                    g2.fill(new Rectangle2D.Double(x0, yHigh, x1 - x0, yLow - yHigh));
                }
                default -> {
                    // a marker: a stem with a head; more events in the column, a taller stem
                    double x = (x0 + x1) / 2;
                    double mid = (yHigh + yLow) / 2;
                    double top = d.count(item) > 1 ? yHigh : mid - (yLow - yHigh) * 0.2;
                    g2.setPaint(c);
                    g2.draw(new Line2D.Double(x, yLow, x, top));
                    Path2D head = new Path2D.Double();
                    head.moveTo(x - 3.5, top);
                    head.lineTo(x + 3.5, top);
                    head.lineTo(x, top + 5);
                    head.closePath();
                    g2.fill(head);
                }
            }
        }
    }

    /** Tick labels in seconds with as many decimals as the tick size needs ("1.234 500"). */
    static final class SecondsFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final transient NumberAxis axis;

        SecondsFormat(NumberAxis axis) {
            this.axis = axis;
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double size = axis.getTickUnit() == null ? 1 : axis.getTickUnit().getSize();
            int decimals = (int) Math.max(0, Math.min(9, Math.ceil(-Math.log10(size) - 1e-9)));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            int dot = s.indexOf('.');
            if (dot >= 0 && s.length() - dot - 1 > 3) {
                // group the fraction in threes: 1.234 567
                StringBuilder b = new StringBuilder(s.substring(0, dot + 1));
                String frac = s.substring(dot + 1);
                for (int i = 0; i < frac.length(); i++) {
                    if (i > 0 && i % 3 == 0) {
                        b.append('\u2009');
                    }
                    b.append(frac.charAt(i));
                }
                s = b.toString();
            }
            return to.append(s);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
