package io.vgpio.ui.schematic.figures;

import io.vgpio.core.parts.PartType;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * The schematic symbols of the one-line parts, drawn in the {@link PartFigure#SYMBOL} pixels of a part that face
 * the chip, the lead starting at that edge: an LED (lit or dark), a push-button (plunger up, or down on its
 * contacts), a switch (open or closed lever), a resistor to the supply (pull-up) or to ground (pull-down) and a
 * clock (a square wave, drawn bold while it runs).
 */
final class PartSymbols {
    private static final int R = 8;

    private PartSymbols() {
    }

    static void paint(Graphics g, PartType type, boolean active, Rectangle b, boolean left) {
        Sym s = new Sym(g, b, left, b.y + b.height / 2);
        g.setForegroundColor(SchematicStyle.LEAD);
        g.setLineWidth(2);
        switch (type) {
            case LED -> led(s, active);
            case BUTTON -> button(s, active);
            case SWITCH -> toggle(s, active);
            case PULL_UP, PULL_DOWN -> resistor(s, type == PartType.PULL_UP);
            case CLOCK -> clock(s, active);
            default -> {
            }
        }
        g.setLineWidth(1);
    }

    /** Coordinates from the side facing the chip: {@code x(u)} is u pixels away from it. */
    private record Sym(Graphics g, Rectangle b, boolean left, int mid) {
        int x(int u) {
            return Mirror.x(b, left, u);
        }

        void line(int u0, int y0, int u1, int y1) {
            g.drawLine(x(u0), y0, x(u1), y1);
        }

        /** A short lead down from the point, then the ground sign. */
        void groundLead(int u, int y) {
            line(u, y, u, y + 5);
            ground(u, y + 6);
        }

        void ground(int u, int y) {
            g.setLineWidth(1);
            g.drawLine(x(u) - 6, y, x(u) + 6, y);
            g.drawLine(x(u) - 4, y + 3, x(u) + 4, y + 3);
            g.drawLine(x(u) - 1, y + 6, x(u) + 1, y + 6);
            g.setLineWidth(2);
        }
    }

    private static void led(Sym s, boolean lit) {
        Graphics g = s.g();
        int cx = s.x(18);
        s.line(0, s.mid(), 18 - R, s.mid());
        if (lit) {
            g.setBackgroundColor(SchematicStyle.LED_ON);
            g.setAlpha(70);
            g.fillOval(cx - R - 4, s.mid() - R - 4, 2 * R + 8, 2 * R + 8);
            g.setAlpha(255);
        }
        g.setBackgroundColor(lit ? SchematicStyle.LED_ON : SchematicStyle.LED_OFF);
        g.fillOval(cx - R, s.mid() - R, 2 * R, 2 * R);
        g.setForegroundColor(SchematicStyle.BODY_LINE);
        g.setLineWidth(1);
        g.drawOval(cx - R, s.mid() - R, 2 * R, 2 * R);
        g.setBackgroundColor(lit ? SchematicStyle.WHITE : SchematicStyle.LED_GLYPH_OFF);
        g.setForegroundColor(lit ? SchematicStyle.WHITE : SchematicStyle.LED_GLYPH_OFF);
        int a = s.x(15);
        int k = s.x(21);
        g.fillPolygon(new int[] {a, s.mid() - 4, a, s.mid() + 4, k, s.mid()});
        g.drawLine(k, s.mid() - 4, k, s.mid() + 4);
        g.setForegroundColor(SchematicStyle.LEAD);
        g.setLineWidth(2);
        s.line(18 + R, s.mid(), 36, s.mid());
        s.groundLead(36, s.mid());
    }

    /** Two contacts on the lead, the second to ground: what a button and a switch share. */
    private static void contacts(Sym s) {
        int y = s.mid();
        s.line(0, y, 8, y);
        s.line(28, y, 36, y);
        s.groundLead(36, y);
        Graphics g = s.g();
        g.setBackgroundColor(SchematicStyle.LEAD);
        g.fillOval(s.x(8) - 2, y - 2, 5, 5);
        g.fillOval(s.x(28) - 2, y - 2, 5, 5);
    }

    /** The contacts, and the plunger's bar that lies on them while pressed. */
    private static void button(Sym s, boolean pressed) {
        contacts(s);
        Graphics g = s.g();
        int y = s.mid();
        int bar = pressed ? y - 3 : y - 10;
        g.setForegroundColor(pressed ? SchematicStyle.SELECTION : SchematicStyle.LEAD);
        s.line(6, bar, 30, bar);
        s.line(18, bar, 18, bar - 6);
        s.line(14, bar - 6, 22, bar - 6);
    }

    /** A lever from the first contact: along the lead when on, lifted when off. */
    private static void toggle(Sym s, boolean on) {
        contacts(s);
        Graphics g = s.g();
        int y = s.mid();
        g.setForegroundColor(on ? SchematicStyle.SELECTION : SchematicStyle.LEAD);
        s.line(8, y, 28, on ? y - 1 : y - 11);
    }

    /** A zigzag resistor, then an arrow up to the supply or the ground sign. */
    private static void resistor(Sym s, boolean up) {
        int m = s.mid();
        s.line(0, m, 4, m);
        int[] us = {4, 7, 11, 15, 19, 23, 27, 30};
        int[] dy = {0, -5, 5, -5, 5, -5, 5, 0};
        for (int i = 1; i < us.length; i++) {
            s.line(us[i - 1], m + dy[i - 1], us[i], m + dy[i]);
        }
        s.line(30, m, 36, m);
        if (up) {
            s.line(36, m, 36, m - 10);
            s.line(31, m - 10, 41, m - 10);
        } else {
            s.groundLead(36, m);
        }
    }

    /** A square wave in a small box: bold while the clock runs. */
    private static void clock(Sym s, boolean running) {
        Graphics g = s.g();
        int m = s.mid();
        s.line(0, m, 4, m);
        g.setLineWidth(1);
        int l = Math.min(s.x(4), s.x(34));
        g.drawRectangle(l, m - 9, 30, 18); // u 4 to 34
        g.setForegroundColor(running ? SchematicStyle.HIGH : SchematicStyle.MUTED);
        g.setLineWidth(running ? 2 : 1);
        int[] wave = {l + 4, m + 5, l + 10, m + 5, l + 10, m - 5, l + 18, m - 5, l + 18, m + 5, l + 26, m + 5};
        g.drawPolyline(wave);
    }
}
