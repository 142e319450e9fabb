package io.vgpio.core.waveform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The waveform as SVG, written from the same frame the chart shows (no SVG library: the lanes are runs of columns,
 * so a handful of lines, rectangles and paths per lane). One pixel column per SVG unit; lanes are 28 units high.
 */
public final class SvgExport {
    private static final int LABEL_W = 170;
    private static final int LANE_H = 28;
    private static final int TOP = 24;
    private static final int AXIS_H = 40;

    private SvgExport() {
    }

    /** @param timeLabel the time axis' label, as the chart shows it */
    public static void write(WaveformModel.Frame f, String timeLabel, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(f, timeLabel, w);
        }
    }

    public static void write(WaveformModel.Frame f, String timeLabel, Writer w) throws IOException {
        int plotW = f.columns();
        int lanes = f.lanes().size();
        int width = LABEL_W + plotW + 20;
        int height = TOP + lanes * LANE_H + AXIS_H;
        w.write(String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">\n",
                width, height, width, height));
        w.write("<title>" + esc(ExportTitle.title(f)) + "</title>\n");
        w.write(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height));
        w.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" fill=\"#333\">%s</text>\n", LABEL_W,
                esc(ExportTitle.subtitle(f))));
        for (int i = 0; i < lanes; i++) {
            LaneData d = f.lanes().get(i);
            int y0 = TOP + i * LANE_H;
            if (i % 2 == 1) {
                w.write(rect(LABEL_W, y0, plotW, LANE_H, "#f4f6f8"));
            }
            w.write(String.format(Locale.ROOT, "<g class=\"lane\" id=\"%s\">\n", esc(d.lane().key())));
            w.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#222\">%s</text>\n",
                    LABEL_W - 8, y0 + LANE_H / 2 + 4, esc(LaneStyle.label(d))));
            lane(w, d, LABEL_W, y0 + 5, y0 + LANE_H - 5);
            w.write("</g>\n");
        }
        axis(w, f, TOP + lanes * LANE_H, plotW, timeLabel);
        cursor(w, f, f.cursorA(), LaneStyle.CURSOR_A, "A", lanes);
        cursor(w, f, f.cursorB(), LaneStyle.CURSOR_B, "B", lanes);
        cursor(w, f, f.highlight(), LaneStyle.HIGHLIGHT, null, lanes);
        cursor(w, f, f.scrub(), LaneStyle.SCRUB, "t", lanes);
        w.write("</svg>\n");
    }

    /**
     * One lane. A level lane is drawn run by run in its level's colour (a path per run: high and low differ);
     * a marker lane is one path of stems and heads in its kind's colour.
     */
    private static void lane(Writer w, LaneData d, int x, int yHigh, int yLow) throws IOException {
        StringBuilder marks = new StringBuilder();
        for (int r = 0; r < d.runs(); r++) {
            int x0 = x + d.start(r);
            int x1 = x + d.end(r);
            String c = LaneStyle.hex(LaneStyle.of(d, r));
            switch (d.state(r)) {
                case LaneData.LOW -> w.write(stroke(c, String.format(Locale.ROOT, "M%d %dH%d", x0, yLow, x1)));
                case LaneData.HIGH -> {
                    w.write(rect(x0, yHigh, x1 - x0, yLow - yHigh, LaneStyle.hex(LaneStyle.tint(LaneStyle.HIGH))));
                    w.write(stroke(c, String.format(Locale.ROOT, "M%d %dH%d", x0, yHigh, x1)));
                }
                case LaneData.EDGE -> w.write(stroke(c, String.format(Locale.ROOT, "M%.1f %dV%d", (x0 + x1) / 2.0,
                        yLow, yHigh)));
                case LaneData.BURST -> w.write(rect(x0, yHigh, Math.max(1, x1 - x0), yLow - yHigh, c));
                case LaneData.UNKNOWN -> w.write(rect(x0, yHigh, x1 - x0, yLow - yHigh, c));
                default -> {
                    double cx = (x0 + x1) / 2.0;
                    double top = d.count(r) > 1 ? yHigh : (yHigh + yLow) / 2.0 - (yLow - yHigh) * 0.2;
                    marks.append(String.format(Locale.ROOT, "M%.1f %dV%.1fM%.1f %.1fh7l-3.5 5z", cx, yLow, top,
                            cx - 3.5, top));
                }
            }
        }
        if (marks.length() > 0) {
            String c = LaneStyle.hex(LaneStyle.marker(d.lane()));
            w.write("<path fill=\"" + c + "\" stroke=\"" + c + "\" stroke-width=\"1.5\" d=\"" + marks + "\"/>\n");
        }
    }

    private static String stroke(String colour, String path) {
        return "<path fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" d=\"" + path + "\"/>\n";
    }

    private static void axis(Writer w, WaveformModel.Frame f, int y, int plotW, String label) throws IOException {
        w.write(String.format(Locale.ROOT, "<path stroke=\"#888\" d=\"M%d %dH%d\"/>\n", LABEL_W, y, LABEL_W + plotW));
        double a = (f.t0() - f.origin()) / 1e9;
        double b = (f.t1() - f.origin()) / 1e9;
        double step = niceStep((b - a) / 8);
        int decimals = (int) Math.max(0, Math.min(9, Math.ceil(-Math.log10(step) - 1e-9)));
        for (double v = Math.ceil(a / step) * step; v <= b; v += step) {
            double x = LABEL_W + (v - a) / (b - a) * plotW;
            w.write(String.format(Locale.ROOT,
                    "<path stroke=\"#ddd\" d=\"M%.1f %dV%d\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                            + "font-size=\"10\" fill=\"#333\">%." + decimals + "f</text>\n",
                    x, TOP, y + 4, x, y + 16, v));
        }
        w.write(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">%s</text>\n",
                LABEL_W + plotW / 2, y + 32, label.replace("&", "&amp;").replace("<", "&lt;")));
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private static void cursor(Writer w, WaveformModel.Frame f, long t, int rgb, String label, int lanes)
            throws IOException {
        if (t == WaveformModel.NONE || t < f.t0() || t > f.t1()) {
            return;
        }
        double x = LABEL_W + (t - f.t0()) / (double) (f.t1() - f.t0()) * f.columns();
        w.write(String.format(Locale.ROOT, "<path stroke=\"%s\" stroke-width=\"1.5\" d=\"M%.1f %dV%d\"/>\n",
                LaneStyle.hex(rgb), x, TOP, TOP + lanes * LANE_H));
        if (label != null) {
            w.write(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"%s\">%s</text>\n", x + 4, TOP + 12,
                    LaneStyle.hex(rgb), label));
        }
    }

    private static String rect(double x, double y, double wd, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"none\"/>\n",
                x, y, wd, h, fill);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
