package io.vgpio.ui.waveform;

import io.vgpio.decode.view.AnnotationLayout;
import io.vgpio.decode.view.AnnotationStyle;
import io.vgpio.decode.view.AnnotationTrack;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws one decoder row of the chart: the {@link AnnotationLayout} of its annotations for the window, measured in
 * the font it is drawn with, each box filled in its kind's colour ({@link AnnotationStyle}) with its text centred;
 * an I2C byte's bits, when zoomed in far enough, in a second tier under it. A decoder that cannot run on the source
 * says why in the row instead.
 */
final class DecoderLanePainter {
    static final Font FONT = new Font("SansSerif", Font.PLAIN, 10);
    private static final BasicStroke OUTLINE = new BasicStroke(1f);
    /**
     * Text is measured with AWT's metrics (the SWT canvas's Graphics2D does not measure reliably), widened a
     * little because SWT draws a little wider, as the lane axis allows for too: a text never spills out of its box.
     */
    private static final FontMetrics METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
            .getFontMetrics(FONT);
    private static final double SWT_WIDER = 1.15;

    private DecoderLanePainter() {
    }

    /**
     * @param t0 the window's start on the annotations' clock (ns since the log's start)
     * @param yTop the row's top and bottom in Java2D coordinates
     * @return the boxes drawn (the chart keeps them for tests and tooltips)
     */
    static List<AnnotationLayout.Box> paint(Graphics2D g2, Rectangle2D area, double yTop, double yBottom,
            AnnotationTrack.Row row, String problem, long t0, long t1, int columns) {
        g2.setFont(FONT);
        FontMetrics fm = METRICS;
        if (row == null) {
            g2.setPaint(new Color(0xb00000));
            g2.drawString(problem == null ? "" : problem, (float) area.getX() + 4,
                    (float) ((yTop + yBottom) / 2 + fm.getAscent() / 2.0 - 1));
            return List.of();
        }
        double scale = area.getWidth() / Math.max(1, columns);
        List<AnnotationLayout.Box> boxes = AnnotationLayout.layout(row, t0, t1, columns,
                s -> (int) Math.ceil(width(s) / scale));
        boolean bits = boxes.stream().anyMatch(b -> b.tier() == 1);
        double split = bits ? yTop + (yBottom - yTop) * 0.55 : yBottom;
        g2.setStroke(OUTLINE);
        for (AnnotationLayout.Box b : boxes) {
            double x0 = area.getX() + b.x0() * scale;
            double x1 = area.getX() + b.x1() * scale;
            double top = b.tier() == 0 ? yTop : split;
            double bottom = b.tier() == 0 ? split : yBottom;
            Rectangle2D r = new Rectangle2D.Double(x0, top, Math.max(1, x1 - x0), bottom - top);
            int fill = b.dense() ? AnnotationStyle.DENSE : b.tier() == 1 ? AnnotationStyle.BIT
                    : AnnotationStyle.fill(b.kind());
            g2.setPaint(new Color(fill));
            g2.fill(r);
            if (x1 - x0 >= 3) {
                g2.setPaint(new Color(AnnotationStyle.OUTLINE));
                g2.draw(r);
            }
            if (!b.text().isEmpty()) {
                g2.setPaint(new Color(AnnotationStyle.TEXT));
                float tx = (float) ((x0 + x1) / 2 - width(b.text()) / 2.0);
                float ty = (float) ((top + bottom) / 2 + (fm.getAscent() - fm.getDescent()) / 2.0);
                g2.drawString(b.text(), tx, ty);
            }
        }
        return boxes;
    }

    private static double width(String text) {
        return METRICS.stringWidth(text) * SWT_WIDER;
    }
}
