package io.vgpio.ui.schematic.figures;

import org.eclipse.draw2d.Cursors;
import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.MouseEvent;
import org.eclipse.draw2d.MouseMotionListener;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

/**
 * A single-pole double-throw switch between "1" (high) and "0" (low), drawn on a light key cap that shows it can
 * be clicked. The lever points at the contact of the input level and takes that level's colour.
 */
public final class SwitchFigure extends Figure {
    static final int PIVOT_U = 12;
    static final int CONTACT_U = 44;
    static final int THROW = 8;

    private final boolean leftSide;
    private boolean on;
    private boolean hover;

    public SwitchFigure(boolean leftSide) {
        this.leftSide = leftSide;
        setCursor(Cursors.HAND);
        addMouseMotionListener(new MouseMotionListener.Stub() {
            @Override
            public void mouseEntered(MouseEvent me) {
                setHover(true);
            }

            @Override
            public void mouseExited(MouseEvent me) {
                setHover(false);
            }
        });
    }

    private void setHover(boolean hover) {
        if (this.hover != hover) {
            this.hover = hover;
            repaint();
        }
    }

    /** True when the switch is in the "1" position, as drawn now. */
    public boolean isOn() {
        return on;
    }

    public void setOn(boolean on) {
        if (this.on != on) {
            this.on = on;
            repaint();
        }
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle b = getBounds();
        int mid = b.y + b.height / 2;
        g.setAntialias(SWT.ON);

        Rectangle cap = b.getCopy().shrink(2, 4);
        g.setBackgroundColor(SchematicStyle.SWITCH_FILL);
        g.fillRoundRectangle(cap, 8, 8);
        g.setForegroundColor(hover ? SchematicStyle.SELECTION : SchematicStyle.SWITCH_BORDER);
        g.setLineWidth(1);
        g.drawRoundRectangle(cap, 8, 8);

        int pivot = Mirror.x(b, leftSide, PIVOT_U);
        int contact = Mirror.x(b, leftSide, CONTACT_U);
        g.setForegroundColor(SchematicStyle.LEAD);
        g.setLineWidth(2);
        g.drawLine(Mirror.x(b, leftSide, 0), mid, pivot, mid);

        g.setFont(SchematicStyle.small());
        for (int level = 1; level >= 0; level--) {
            int y = level == 1 ? mid - THROW : mid + THROW;
            boolean active = (level == 1) == on;
            g.setBackgroundColor(active ? (on ? SchematicStyle.HIGH : SchematicStyle.LOW) : SchematicStyle.WHITE);
            g.fillOval(contact - 3, y - 3, 6, 6);
            g.setForegroundColor(SchematicStyle.LEAD);
            g.setLineWidth(1);
            g.drawOval(contact - 3, y - 3, 6, 6);
            String label = Integer.toString(level);
            Dimension d = FigureUtilities.getTextExtents(label, SchematicStyle.small());
            g.setForegroundColor(active ? SchematicStyle.TEXT : SchematicStyle.MUTED);
            g.drawText(label, Mirror.textAt(b, leftSide, CONTACT_U + 6, d.width), y - d.height / 2);
        }

        g.setForegroundColor(on ? SchematicStyle.HIGH : SchematicStyle.LOW);
        g.setLineWidth(3);
        int tipY = on ? mid - THROW : mid + THROW;
        int tip = contact - Mirror.outward(leftSide) * 3;
        g.drawLine(pivot, mid, tip, tipY);
        g.setBackgroundColor(SchematicStyle.LEAD);
        g.fillOval(pivot - 3, mid - 3, 7, 7);
    }
}
