package io.vgpio.ui.schematic.figures;

import java.util.List;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;

/**
 * The virtio-gpio controller as a schematic symbol: a body with its reference designator, title and ngpio, the
 * first half of the lines down its left side and the rest down its right side (so 64 lines make two columns of
 * 32 rows), and a legend of the colours below. The line rows are its children ({@link LineFigure}), laid out by
 * line number; it paints the body under them.
 */
public final class ChipFigure extends FreeformLayer {
    static final int MARGIN = 24;
    static final int ABOVE = 22;
    static final int HEADER = 58;
    static final int FOOTER = 14;
    static final int CENTER_GAP = 24;
    static final int LEGEND = 44;
    static final int BODY_W = 2 * LineFigure.LABEL + CENTER_GAP;

    private final int lines;
    private final String subtitle;
    private boolean guestAttached;
    private final String hint;

    /**
     * @param hint the line of help under the legend
     */
    public ChipFigure(int lines, String subtitle, String hint) {
        this.lines = lines;
        this.subtitle = subtitle;
        this.hint = hint;
    }

    /** Whether a vhost-user frontend (QEMU, a test driver) is attached, shown next to the reference designator. */
    public void setGuestAttached(boolean attached) {
        if (guestAttached != attached) {
            guestAttached = attached;
            repaint();
        }
    }

    public boolean isGuestAttached() {
        return guestAttached;
    }

    /** Lines 0 to leftCount-1 are on the left. */
    public static int leftCount(int lines) {
        return (lines + 1) / 2;
    }

    private int rows() {
        return Math.max(1, leftCount(lines));
    }

    Rectangle body() {
        return new Rectangle(MARGIN + LineFigure.OUTSIDE, MARGIN + ABOVE, BODY_W,
                HEADER + rows() * LineFigure.ROW + FOOTER);
    }

    /** Everything drawn, so that scrolling and zoom-to-fit take in the title and the legend too. */
    Rectangle extent() {
        Rectangle body = body();
        return new Rectangle(0, 0, 2 * MARGIN + 2 * LineFigure.OUTSIDE + BODY_W, body.bottom() + LEGEND + MARGIN);
    }

    @Override
    public Rectangle getFreeformExtent() {
        return extent().union(super.getFreeformExtent());
    }

    @Override
    public Dimension getPreferredSize(int wHint, int hHint) {
        return extent().getSize();
    }

    @Override
    protected void layout() {
        Rectangle body = body();
        int left = leftCount(lines);
        @SuppressWarnings("unchecked")
        List<IFigure> children = getChildren();
        for (int i = 0; i < children.size(); i++) {
            IFigure child = children.get(i);
            boolean onLeft = i < left;
            int row = onLeft ? i : i - left;
            int y = body.y + HEADER + row * LineFigure.ROW;
            int x = onLeft ? MARGIN : body.right() - LineFigure.LABEL;
            child.setBounds(new Rectangle(x, y, LineFigure.WIDTH, LineFigure.ROW));
        }
    }

    @Override
    protected void paintFigure(Graphics g) {
        super.paintFigure(g);
        g.setAntialias(SWT.ON);
        Rectangle body = body();

        // Drop shadow, body, pin-1 notch.
        g.setBackgroundColor(new Color(0, 0, 0));
        g.setAlpha(22);
        g.fillRectangle(body.getTranslated(4, 4));
        g.setAlpha(255);
        g.setBackgroundColor(SchematicStyle.BODY_FILL);
        g.fillRectangle(body);
        g.setForegroundColor(SchematicStyle.BODY_LINE);
        g.setLineWidth(2);
        g.drawRectangle(body);
        g.setLineWidth(1);
        g.drawArc(body.x + body.width / 2 - 9, body.y - 9, 18, 18, 180, 180);

        g.setForegroundColor(SchematicStyle.BODY_LINE);
        drawText(g, "U1", SchematicStyle.bold(), body.x, body.y - ABOVE + 2, false);
        paintFrontend(g, body);
        g.setForegroundColor(SchematicStyle.BODY_LINE);
        drawText(g, "virtio-gpio", SchematicStyle.title(), body.getCenter().x, body.y + 12, true);
        g.setForegroundColor(SchematicStyle.TEXT);
        drawText(g, subtitle, SchematicStyle.small(), body.getCenter().x, body.y + 36, true);
        g.setForegroundColor(SchematicStyle.SWITCH_BORDER);
        g.setLineWidth(1);
        g.drawLine(body.x + 12, body.y + HEADER - 6, body.right() - 12, body.y + HEADER - 6);

        paintLegend(g, body.bottom() + 18);
    }

    /** A status dot and word at the body's top right: is a guest driving the device? */
    private void paintFrontend(Graphics g, Rectangle body) {
        String text = guestAttached ? "guest attached" : "no guest attached";
        Font font = SchematicStyle.small();
        Dimension d = FigureUtilities.getTextExtents(text, font);
        int x = body.right() - d.width;
        int y = body.y - ABOVE + 4;
        g.setBackgroundColor(guestAttached ? SchematicStyle.HIGH : SchematicStyle.MUTED);
        g.fillOval(x - 12, y + d.height / 2 - 4, 8, 8);
        g.setForegroundColor(guestAttached ? SchematicStyle.TEXT : SchematicStyle.MUTED);
        drawText(g, text, font, x, y, false);
    }

    private void paintLegend(Graphics g, int y) {
        Font font = SchematicStyle.small();
        g.setFont(font);
        int x = MARGIN;
        x = legendLine(g, x, y, SchematicStyle.HIGH, "high level");
        x = legendLine(g, x, y, SchematicStyle.LOW, "low level (in and out alike)");
        x += 12;
        x = legendBadge(g, x, y, SchematicStyle.WHITE, SchematicStyle.IRQ_ENABLED, "IRQ enabled");
        x = legendBadge(g, x, y, SchematicStyle.IRQ_ARMED, SchematicStyle.IRQ_ARMED_BORDER, "armed (buffer held)");
        x = legendBadge(g, x, y, SchematicStyle.IRQ_LATCHED, SchematicStyle.IRQ_LATCHED, "edge latched");
        legendBadge(g, x + 12, y, SchematicStyle.HARDWARE, SchematicStyle.HARDWARE, "HW: bound to a physical line");
        g.setForegroundColor(SchematicStyle.MUTED);
        g.drawText(hint, MARGIN, y + 18);
    }

    private static int legendLine(Graphics g, int x, int y, Color c, String label) {
        int mid = y + FigureUtilities.getTextExtents(label, SchematicStyle.small()).height / 2;
        g.setForegroundColor(c);
        g.setLineWidth(3);
        g.drawLine(x, mid, x + 18, mid);
        g.setForegroundColor(SchematicStyle.TEXT);
        g.drawText(label, x + 24, y);
        return x + 30 + FigureUtilities.getTextExtents(label, SchematicStyle.small()).width;
    }

    private static int legendBadge(Graphics g, int x, int y, Color fill, Color border, String label) {
        Dimension d = FigureUtilities.getTextExtents(label, SchematicStyle.small());
        Rectangle r = new Rectangle(x, y + d.height / 2 - 6, 20, 12);
        g.setBackgroundColor(fill);
        g.fillRoundRectangle(r, 6, 6);
        g.setForegroundColor(border);
        g.setLineWidth(1);
        g.drawRoundRectangle(r, 6, 6);
        g.setForegroundColor(SchematicStyle.TEXT);
        g.drawText(label, x + 26, y);
        return x + 34 + d.width;
    }

    private static void drawText(Graphics g, String text, Font font, int x, int y, boolean centered) {
        g.setFont(font);
        int w = FigureUtilities.getTextExtents(text, font).width;
        g.drawText(text, centered ? x - w / 2 : x, y);
    }
}
