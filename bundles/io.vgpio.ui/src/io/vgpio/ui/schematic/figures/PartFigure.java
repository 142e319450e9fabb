package io.vgpio.ui.schematic.figures;

import io.vgpio.core.parts.PartType;
import java.util.List;
import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;

/**
 * A simulated part beside the chip: a part on one line is its symbol (an LED, a push-button, a switch, a resistor
 * to the supply or to ground, a clock) facing the line's wire, with its name and kind beside it; a part on several
 * lines (an I2C device, a wire, an encoder) is a small box with its name and what it is (an I2C device's address).
 * The chip figure places it ({@link PartPlacement}) and draws its wires; it draws what its edit part last told it.
 */
public final class PartFigure extends Figure {
    /** The part's width, and the wire's length from a row's end to the part. */
    public static final int WIDTH = 108;
    public static final int WIRE = 26;
    /** Space kept above and below a part within its rows. */
    static final int INSET = 4;
    /** The symbol's room, from the side facing the chip. */
    static final int SYMBOL = 46;

    private final PartType type;
    private final String name;
    private final List<Integer> pins;
    private boolean leftSide;
    private String detail = "";
    private boolean active;
    private boolean selected;

    /** @param pins the lines the part is attached to, in its spec's order */
    public PartFigure(PartType type, String name, List<Integer> pins) {
        this.type = type;
        this.name = name;
        this.pins = List.copyOf(pins);
    }

    public List<Integer> pins() {
        return pins;
    }

    public PartType type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** Lit (an LED), pressed (a button), on (a switch), running (a clock), as drawn now. */
    public boolean isActive() {
        return active;
    }

    public String detail() {
        return detail;
    }

    /** Drawn as a box (several lines, or an I2C device) rather than as a symbol. */
    public boolean isBox() {
        return switch (type) {
            case LED, BUTTON, SWITCH, PULL_UP, PULL_DOWN, CLOCK -> false;
            default -> true;
        };
    }

    /** Which side of the chip the part stands on: the symbol faces the chip. */
    void setLeftSide(boolean left) {
        if (left != leftSide) {
            leftSide = left;
            repaint();
        }
    }

    public boolean isLeftSide() {
        return leftSide;
    }

    /** What the part shows; repaints only on a change. */
    public void show(boolean active, String detail, String tooltip) {
        if (active == this.active && detail.equals(this.detail)) {
            return;
        }
        this.active = active;
        this.detail = detail;
        Label tip = new Label(tooltip);
        tip.setBorder(new MarginBorder(4));
        setToolTip(tip);
        repaint();
    }

    public void setSelected(boolean selected) {
        if (selected != this.selected) {
            this.selected = selected;
            repaint();
        }
    }

    public boolean isSelected() {
        return selected;
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle b = getBounds();
        g.setAntialias(SWT.ON);
        if (isBox()) {
            paintBox(g, b);
        } else {
            PartSymbols.paint(g, type, active, b, leftSide);
            paintLabels(g, b);
        }
        if (selected) {
            Rectangle r = b.getCopy().shrink(1, 1);
            g.setForegroundColor(SchematicStyle.SELECTION);
            g.setLineWidth(2);
            g.drawRoundRectangle(r, 8, 8);
        }
    }

    private void paintBox(Graphics g, Rectangle b) {
        Rectangle r = b.getCopy().shrink(2, 0);
        g.setBackgroundColor(SchematicStyle.BODY_FILL);
        g.fillRoundRectangle(r, 6, 6);
        g.setForegroundColor(SchematicStyle.BODY_LINE);
        g.setLineWidth(1);
        g.drawRoundRectangle(r, 6, 6);
        Font bold = SchematicStyle.smallBold();
        Font small = SchematicStyle.small();
        int h = FigureUtilities.getTextExtents("Ag", small).height;
        int y = r.y + (r.height - 2 * h) / 2;
        drawCentred(g, TextFit.fit(name, bold, r.width - 8), bold, r, y, SchematicStyle.TEXT);
        drawCentred(g, TextFit.fit(detail, small, r.width - 8), small, r, y + h, SchematicStyle.PIN_NAME);
    }

    private void paintLabels(Graphics g, Rectangle b) {
        Font bold = SchematicStyle.smallBold();
        Font small = SchematicStyle.small();
        int room = WIDTH - SYMBOL - 2;
        String n = TextFit.fit(name, bold, room);
        String d = TextFit.fit(detail, small, room);
        int h = FigureUtilities.getTextExtents("Ag", small).height;
        int y = b.y + (b.height - 2 * h) / 2;
        g.setFont(bold);
        g.setForegroundColor(SchematicStyle.TEXT);
        g.drawText(n, Mirror.textAt(b, leftSide, SYMBOL, FigureUtilities.getTextExtents(n, bold).width), y);
        g.setFont(small);
        g.setForegroundColor(SchematicStyle.PIN_NAME);
        g.drawText(d, Mirror.textAt(b, leftSide, SYMBOL, FigureUtilities.getTextExtents(d, small).width), y + h);
    }

    private static void drawCentred(Graphics g, String text, Font font, Rectangle r, int y,
            org.eclipse.swt.graphics.Color colour) {
        Dimension d = FigureUtilities.getTextExtents(text, font);
        g.setFont(font);
        g.setForegroundColor(colour);
        g.drawText(text, r.x + (r.width - d.width) / 2, y);
    }

}
