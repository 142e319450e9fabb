package io.vgpio.ui.schematic.figures;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

/**
 * An LED from the pin to ground: a round lens with the diode symbol in it and two emission arrows. Lit, it is
 * bright red with a halo (alpha-blended rings) and a highlight; dark, it is a dull maroon.
 */
public final class LedFigure extends Figure {
    static final int LENS_U = 22;
    static final int RADIUS = 11;

    private final boolean leftSide;
    private boolean lit;

    public LedFigure(boolean leftSide) {
        this.leftSide = leftSide;
    }

    /** True when the guest drives the line high, as drawn now. */
    public boolean isLit() {
        return lit;
    }

    public void setLit(boolean lit) {
        if (this.lit != lit) {
            this.lit = lit;
            repaint();
        }
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle b = getBounds();
        int mid = b.y + b.height / 2;
        int out = Mirror.outward(leftSide);
        int cx = Mirror.x(b, leftSide, LENS_U);
        g.setAntialias(SWT.ON);

        // Leads: pin side to the lens, lens to the ground symbol.
        int groundX = Mirror.x(b, leftSide, LENS_U + RADIUS + 14);
        g.setForegroundColor(SchematicStyle.LEAD);
        g.setLineWidth(2);
        g.drawLine(Mirror.x(b, leftSide, 0), mid, cx - out * RADIUS, mid);
        g.drawLine(cx + out * RADIUS, mid, groundX, mid);
        g.drawLine(groundX, mid, groundX, mid + 7);
        g.setLineWidth(1);
        g.drawLine(groundX - 7, mid + 7, groundX + 7, mid + 7);
        g.drawLine(groundX - 4, mid + 10, groundX + 4, mid + 10);
        g.drawLine(groundX - 1, mid + 13, groundX + 1, mid + 13);

        if (lit) {
            g.setBackgroundColor(SchematicStyle.LED_ON);
            g.setAlpha(40);
            g.fillOval(cx - RADIUS - 7, mid - RADIUS - 7, 2 * RADIUS + 14, 2 * RADIUS + 14);
            g.setAlpha(80);
            g.fillOval(cx - RADIUS - 3, mid - RADIUS - 3, 2 * RADIUS + 6, 2 * RADIUS + 6);
            g.setAlpha(255);
            g.fillOval(cx - RADIUS, mid - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setBackgroundColor(SchematicStyle.LED_ON_CORE);
            g.setAlpha(170);
            g.fillOval(cx - 6, mid - 7, 7, 6);
            g.setAlpha(255);
        } else {
            g.setBackgroundColor(SchematicStyle.LED_OFF);
            g.fillOval(cx - RADIUS, mid - RADIUS, 2 * RADIUS, 2 * RADIUS);
        }
        g.setForegroundColor(SchematicStyle.BODY_LINE);
        g.setLineWidth(1);
        g.drawOval(cx - RADIUS, mid - RADIUS, 2 * RADIUS, 2 * RADIUS);

        // The diode symbol inside the lens: anode towards the pin, bar on the cathode side.
        g.setForegroundColor(lit ? SchematicStyle.WHITE : SchematicStyle.LED_GLYPH_OFF);
        g.setBackgroundColor(lit ? SchematicStyle.WHITE : SchematicStyle.LED_GLYPH_OFF);
        int a = cx - out * 4;
        int k = cx + out * 4;
        g.fillPolygon(new int[] {a, mid - 5, a, mid + 5, k, mid});
        g.setLineWidth(2);
        g.drawLine(k, mid - 5, k, mid + 5);

        // Emission arrows above the lens, pointing up and away from the pin.
        g.setLineWidth(1);
        g.setForegroundColor(lit ? SchematicStyle.LED_ON : SchematicStyle.MUTED);
        g.setBackgroundColor(lit ? SchematicStyle.LED_ON : SchematicStyle.MUTED);
        for (int i = 0; i < 2; i++) {
            int x0 = cx + out * (1 + 6 * i);
            int y0 = mid - RADIUS + 1;
            int x1 = x0 + out * 6;
            int y1 = y0 - 8;
            g.drawLine(x0, y0, x1, y1);
            g.fillPolygon(new int[] {x1 + out, y1 - 1, x1 - out * 4, y1, x1 + out, y1 + 4});
        }
    }
}
