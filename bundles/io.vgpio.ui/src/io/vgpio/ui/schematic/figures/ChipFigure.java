package io.vgpio.ui.schematic.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * The virtio-gpio controller as a schematic symbol: one body per unit ({@link ChipLayout}: one for up to 32
 * lines, side-by-side units of 32 beyond), each with its reference designator, title and line range, and a legend
 * of the colours below, flowed into the chip's width. The line rows are its children ({@link LineFigure}), laid
 * out by line number; it paints the bodies under them.
 */
public final class ChipFigure extends FreeformLayer {
    private ChipLayout layout;
    private final String subtitle;
    private final Legend legend;
    private boolean guestAttached;
    private PartPlacement placement = PartPlacement.of(new ChipLayout(0), List.of());
    /** Lines whose strong drivers disagree now: their part wires are drawn in the contention colour. */
    private Set<Integer> contention = Set.of();

    /**
     * @param hint the line of help under the legend
     */
    public ChipFigure(int lines, String subtitle, String hint) {
        this.layout = new ChipLayout(lines);
        this.subtitle = subtitle;
        this.legend = new Legend(hint);
    }

    public ChipLayout chipLayout() {
        return layout;
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

    /** Lays the units out {@code unitsPerRow} side by side (a big chip in a narrow view stacks them). */
    public void setUnitsPerRow(int unitsPerRow) {
        if (unitsPerRow != layout.columns()) {
            layout = layout.withUnitsPerRow(unitsPerRow);
            revalidate();
            repaint();
        }
    }

    /**
     * Places the part figures again (one was added or removed): they stand in columns beside the rows, and the
     * chip grows by as many columns as the most crowded rows need.
     */
    public void partsChanged() {
        List<List<Integer>> pins = parts().stream().map(PartFigure::pins).toList();
        placement = PartPlacement.of(layout, pins);
        layout = layout.withPartSlots(placement.slots());
        revalidate();
        repaint();
    }

    /** The lines in contention now; repaints their wires when that changed. */
    public void setContention(Set<Integer> lines) {
        if (!lines.equals(contention)) {
            contention = Set.copyOf(lines);
            repaint();
        }
    }

    public Set<Integer> contention() {
        return contention;
    }

    /** Where a part figure stands (null while none of its lines is drawn). */
    public PartPlacement.Spot spotOf(PartFigure part) {
        return placement.spot(parts().indexOf(part));
    }

    private List<PartFigure> parts() {
        List<PartFigure> parts = new ArrayList<>();
        for (Object c : getChildren()) {
            if (c instanceof PartFigure p) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** Where the legend is drawn, in the chip's coordinates. */
    public Rectangle legendBounds() {
        return legendBounds(layout);
    }

    private Rectangle legendBounds(ChipLayout l) {
        int width = l.width() - 2 * ChipLayout.MARGIN;
        return new Rectangle(ChipLayout.MARGIN, l.legendTop(), width, legend.height(width));
    }

    /** Everything drawn, so that scrolling and zoom-to-fit take in the designators and the legend too. */
    public Rectangle extent() {
        return extent(layout);
    }

    /** The size the chip would take with {@code unitsPerRow} units side by side. */
    public Dimension sizeWith(int unitsPerRow) {
        return extent(layout.withUnitsPerRow(unitsPerRow)).getSize();
    }

    private Rectangle extent(ChipLayout l) {
        return new Rectangle(0, 0, l.width(), legendBounds(l).bottom() + ChipLayout.MARGIN);
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
        @SuppressWarnings("unchecked")
        List<IFigure> children = getChildren();
        int part = 0;
        for (IFigure child : children) {
            if (child instanceof LineFigure line) {
                line.setBounds(layout.row(line.line()));
            } else if (child instanceof PartFigure p) {
                PartPlacement.Spot spot = placement.spot(part++);
                p.setVisible(spot != null);
                if (spot != null) {
                    p.setLeftSide(layout.isLeft(spot.anchor()));
                    p.setBounds(PartPlacement.bounds(layout, spot));
                }
            }
        }
    }

    @Override
    protected void paintFigure(Graphics g) {
        super.paintFigure(g);
        g.setAntialias(SWT.ON);
        for (int unit = 0; unit < layout.units(); unit++) {
            paintBody(g, unit);
        }
        legend.paint(g, legendBounds());
        PartWires.paint(g, layout, placement, parts(), this::level, contention);
    }

    /** A line's level as its row shows it (-1 before its first state). */
    private int level(int line) {
        Object c = line < getChildren().size() ? getChildren().get(line) : null;
        return c instanceof LineFigure f && f.state() != null ? f.state().level() : -1;
    }

    private void paintBody(Graphics g, int unit) {
        Rectangle body = layout.body(unit);
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
        String designator = layout.designator(unit);
        drawText(g, designator, SchematicStyle.bold(), body.x, body.y - ChipLayout.ABOVE + 2, false);
        if (layout.units() > 1) {
            g.setForegroundColor(SchematicStyle.TEXT);
            int after = body.x + FigureUtilities.getTextExtents(designator, SchematicStyle.bold()).width + 8;
            drawText(g, range(unit), SchematicStyle.small(), after, body.y - ChipLayout.ABOVE + 4, false);
        }
        if (unit == 0) {
            paintFrontend(g, body);
        }
        g.setForegroundColor(SchematicStyle.BODY_LINE);
        drawText(g, "virtio-gpio", SchematicStyle.title(), body.getCenter().x, body.y + 12, true);
        g.setForegroundColor(SchematicStyle.TEXT);
        drawText(g, unitSubtitle(unit), SchematicStyle.small(), body.getCenter().x, body.y + 36, true);
        g.setForegroundColor(SchematicStyle.SWITCH_BORDER);
        g.drawLine(body.x + 12, body.y + ChipLayout.HEADER - 6, body.right() - 12, body.y + ChipLayout.HEADER - 6);
    }

    /** The first unit says what the chip is; the others which lines they hold. */
    private String unitSubtitle(int unit) {
        return unit == 0 ? subtitle : range(unit);
    }

    private String range(int unit) {
        int first = layout.firstLine(unit);
        return "lines " + first + "\u2013" + (first + layout.lineCount(unit) - 1);
    }

    /** A status dot and word at the body's top right: is a guest driving the device? */
    private void paintFrontend(Graphics g, Rectangle body) {
        String text = guestAttached ? "guest attached" : "no guest attached";
        Font font = SchematicStyle.small();
        Dimension d = FigureUtilities.getTextExtents(text, font);
        int x = body.right() - d.width;
        int y = body.y - ChipLayout.ABOVE + 4;
        g.setBackgroundColor(guestAttached ? SchematicStyle.HIGH : SchematicStyle.MUTED);
        g.fillOval(x - 12, y + d.height / 2 - 4, 8, 8);
        g.setForegroundColor(guestAttached ? SchematicStyle.TEXT : SchematicStyle.MUTED);
        drawText(g, text, font, x, y, false);
    }

    private static void drawText(Graphics g, String text, Font font, int x, int y, boolean centered) {
        g.setFont(font);
        int w = FigureUtilities.getTextExtents(text, font).width;
        g.drawText(text, centered ? x - w / 2 : x, y);
    }
}
