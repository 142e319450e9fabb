package io.vgpio.decode.view;

import io.vgpio.decode.AnnotationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Lays out one decoder lane for a window: boxes in pixel columns that never overlap, each with the longest text
 * that fits it ({@link AnnotationStyle#texts}), and when zoomed in far enough, an I2C byte's bits under it. Many
 * annotations in one column become one grey block and the layout jumps past them by binary search, so a frame
 * costs about one step per pixel column however many annotations the window holds. UI-free: the text width comes
 * from the caller's font.
 */
public final class AnnotationLayout {
    /** Narrower than this, a box is part of a dense block. */
    static final double MIN_BOX = 3;
    /** Space around a box's text. */
    static final int PAD = 4;

    /**
     * One box. {@code tier} 0 is an annotation (or a dense block: kind null), 1 a bit under it.
     *
     * @param index the annotation's index in its row (-1 for a dense block)
     */
    public record Box(double x0, double x1, AnnotationKind kind, String text, int tier, int index) {
        public boolean dense() {
            return kind == null;
        }

        public double width() {
            return x1 - x0;
        }
    }

    private AnnotationLayout() {
    }

    /**
     * @param t0 the window's start, ns on the annotations' clock
     * @param t1 its end
     * @param columns the window's width in pixels
     * @param textWidth the width of a text in pixels, in the font the lane is drawn with
     */
    public static List<Box> layout(AnnotationTrack.Row row, long t0, long t1, int columns,
            ToIntFunction<String> textWidth) {
        List<Box> boxes = new ArrayList<>();
        if (t1 <= t0 || columns <= 0) {
            return boxes;
        }
        double k = columns / (double) (t1 - t0);
        double lastEnd = Double.NEGATIVE_INFINITY;
        int i = row.firstEndingAtOrAfter(t0);
        while (i < row.count() && row.start(i) <= t1) {
            boolean point = row.end(i) == row.start(i);
            double at = (row.start(i) - t0) * k;
            // a point (START, STOP) gets room for its shortest text, centred on it; the next box may clip it
            double half = point ? (shortestWidth(row.kind(i), textWidth) + PAD) / 2.0 : 0;
            if (point && at - half < lastEnd && !boxes.isEmpty()) {
                // sigrok's ACK lasts a bit, and the STOP comes within it: the STOP wins its place
                Box prev = boxes.get(boxes.size() - 1);
                if (!prev.dense() && at - half - prev.x0() >= MIN_BOX) {
                    boxes.set(boxes.size() - 1, new Box(prev.x0(), at - half, prev.kind(), "", 0, prev.index()));
                    lastEnd = at - half;
                }
            }
            double x0 = Math.max(0, Math.max(at - half, lastEnd));
            double x1 = Math.min(columns, point ? at + half : (row.end(i) - t0) * k);
            boolean crowded = point ? i + 1 < row.count() && (row.start(i + 1) - t0) * k - at < MIN_BOX
                    : x1 - x0 < MIN_BOX;
            if (crowded) {
                // too narrow to read: one grey block over this column, and past every annotation starting in it
                double end = Math.min(columns, Math.max(point ? at : x1, Math.floor(x0) + 1));
                Box last = boxes.isEmpty() ? null : boxes.get(boxes.size() - 1);
                if (last != null && last.dense() && last.x1() >= x0 - 1) {
                    boxes.set(boxes.size() - 1, new Box(last.x0(), end, null, "", 0, -1));
                } else {
                    boxes.add(new Box(x0, end, null, "", 0, -1));
                }
                lastEnd = end;
                long next = t0 + (long) Math.ceil(end / k);
                int j = row.firstStartingAtOrAfter(next);
                if (j - 1 > i && (row.end(j - 1) - t0) * k - end >= MIN_BOX) {
                    j--; // the last one starting in this column reaches beyond it: it gets a box of its own
                }
                i = Math.max(i + 1, j);
                continue;
            }
            boxes.add(new Box(x0, x1, row.kind(i), "", 0, i));
            // a point's nominal width is only room for its text: the next box may start inside it (and clips it)
            lastEnd = point ? Math.max(x0, at) : x1;
            i++;
        }
        return label(row, boxes, textWidth);
    }

    /** Clips a point (a START's nominal box) at the next box, then gives each box the longest text that fits. */
    private static List<Box> label(AnnotationTrack.Row row, List<Box> boxes, ToIntFunction<String> textWidth) {
        List<Box> out = new ArrayList<>(boxes.size());
        int bitWidth = textWidth.applyAsInt("0") + 4;
        for (int n = 0; n < boxes.size(); n++) {
            Box b = boxes.get(n);
            if (b.dense()) {
                out.add(b);
                continue;
            }
            double x1 = n + 1 < boxes.size() ? Math.min(b.x1(), boxes.get(n + 1).x0()) : b.x1();
            AnnotationKind kind = b.kind();
            int i = b.index();
            String text = fit(AnnotationStyle.texts(kind, row.value(i), 2), x1 - b.x0(), textWidth);
            out.add(new Box(b.x0(), x1, kind, text, 0, i));
            int bits = AnnotationStyle.bits(kind);
            if (bits > 0 && (x1 - b.x0()) / bits >= bitWidth) {
                double w = (x1 - b.x0()) / bits;
                for (int bit = 0; bit < bits; bit++) {
                    String digit = Integer.toString(row.value(i) >> (bits - 1 - bit) & 1);
                    out.add(new Box(b.x0() + bit * w, b.x0() + (bit + 1) * w, kind, digit, 1, i));
                }
            }
        }
        return out;
    }

    private static int shortestWidth(AnnotationKind kind, ToIntFunction<String> textWidth) {
        List<String> texts = AnnotationStyle.texts(kind, 0, 2);
        return textWidth.applyAsInt(texts.get(texts.size() - 1));
    }

    /** The longest text that fits a box {@code width} pixels wide, or "" when even the shortest does not. */
    static String fit(List<String> texts, double width, ToIntFunction<String> textWidth) {
        for (String t : texts) {
            if (textWidth.applyAsInt(t) + PAD <= width) {
                return t;
            }
        }
        return "";
    }
}
