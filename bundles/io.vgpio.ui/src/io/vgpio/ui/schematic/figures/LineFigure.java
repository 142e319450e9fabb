package io.vgpio.ui.schematic.figures;

import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;

/**
 * One GPIO line as a row of the schematic: its name inside the chip body, the pin (its number above it, a
 * direction arrow on it, coloured by level), a wire with the IRQ badge on it, and the peripheral at the end (an
 * LED on an output, a switch otherwise). On the left of the chip the row is drawn mirrored.
 *
 * <p>It draws the last {@link LineState} it was given and nothing else: the edit part hands it snapshots.
 */
public final class LineFigure extends Figure {
    /** Row height. */
    public static final int ROW = 40;
    /** Room for the name inside the chip body. */
    public static final int LABEL = 150;
    public static final int PIN = 44;
    public static final int WIRE = 100;
    public static final int PERIPHERAL = 68;
    /** From the body's edge to the far end of the peripheral. */
    public static final int OUTSIDE = PIN + WIRE + PERIPHERAL;
    public static final int WIDTH = LABEL + OUTSIDE;
    static final int BADGE_W = 42;
    static final int HW_W = 28;

    private final int line;
    private final boolean leftSide;
    private final LedFigure led;
    private final SwitchFigure toggle;
    private LineState state;
    /** The direction the guest last requested the line in (IN or OUT); null while it never did. */
    private Direction lastRequested;
    private boolean selected;
    /** The hardware binding's description, null when the line is not bound. */
    private String binding;
    private boolean bindingProblem;

    public LineFigure(int line, boolean leftSide) {
        this.line = line;
        this.leftSide = leftSide;
        led = new LedFigure(leftSide);
        toggle = new SwitchFigure(leftSide);
        add(led);
        add(toggle);
        led.setVisible(false);
        toggle.setVisible(false);
    }

    public int line() {
        return line;
    }

    public boolean isLeftSide() {
        return leftSide;
    }

    public LedFigure led() {
        return led;
    }

    public SwitchFigure toggle() {
        return toggle;
    }

    /** The snapshot drawn now (null before the first). */
    public LineState state() {
        return state;
    }

    /**
     * Draws {@code s}; repaints only when it differs from what is drawn. A line the guest releases (direction
     * none after in or out, as gpiolib does when a program such as gpioset lets go of it) keeps its peripheral in
     * place, an output's LED goes dark, and the wire says "released": a line that a program requests and releases
     * every second then blinks its LED instead of swapping an LED for a switch.
     */
    public void setState(LineState s) {
        if (s.equals(state)) {
            return;
        }
        state = s;
        if (s.direction() != Direction.NONE) {
            lastRequested = s.direction();
        }
        showState();
    }

    private void showState() {
        LineState s = state;
        boolean output = s.direction() == Direction.OUT;
        boolean led = output || (isReleased() && lastRequested == Direction.OUT);
        this.led.setVisible(led);
        toggle.setVisible(!led);
        this.led.setLit(output && s.outputValue() == 1);
        toggle.setOn(s.inputLevel() == 1);
        setToolTip(tooltip(s, binding, isReleased()));
        repaint();
    }

    /**
     * Forgets that the guest ever requested the line: a trace scrubbed back in time may show it before its first
     * request, which must not read as "released".
     */
    public void forgetRequests() {
        if (lastRequested != null) {
            lastRequested = null;
            if (state != null) {
                showState();
            }
        }
    }

    /** True while the guest has released the line it had requested (direction none after in or out). */
    public boolean isReleased() {
        return state != null && state.direction() == Direction.NONE && lastRequested != null;
    }

    /**
     * Marks the line as bound to a physical line ("HW" on its wire; red when the chip is unplugged or the line
     * busy), or clears the mark.
     *
     * @param description what the tooltip says of the binding, null when not bound
     * @param problem the binding is not working right now
     */
    public void setBinding(String description, boolean problem) {
        if (java.util.Objects.equals(description, binding) && problem == bindingProblem) {
            return;
        }
        binding = description;
        bindingProblem = problem;
        if (state != null) {
            setToolTip(tooltip(state, binding, isReleased()));
        }
        repaint();
    }

    /** The binding's description, or null when the line is not bound. */
    public String binding() {
        return binding;
    }

    public boolean bindingProblem() {
        return bindingProblem;
    }

    public boolean isSelected() {
        return selected;
    }

    public void setSelected(boolean selected) {
        if (this.selected != selected) {
            this.selected = selected;
            repaint();
        }
    }

    /** The peripheral sits at the outer end of the row. */
    @Override
    protected void layout() {
        Rectangle b = getBounds();
        int u0 = LABEL + PIN + WIRE;
        int x = leftSide ? b.right() - u0 - PERIPHERAL : b.x + u0;
        Rectangle r = new Rectangle(x, b.y, PERIPHERAL, b.height);
        led.setBounds(r);
        toggle.setBounds(r);
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle b = getBounds();
        g.setAntialias(SWT.ON);
        if (selected) {
            Rectangle r = b.getCopy().shrink(1, 1);
            g.setBackgroundColor(SchematicStyle.SELECTION);
            g.setAlpha(36);
            g.fillRoundRectangle(r, 10, 10);
            g.setAlpha(255);
            g.setForegroundColor(SchematicStyle.SELECTION);
            g.setLineWidth(1);
            g.drawRoundRectangle(r, 10, 10);
        }
        if (state == null) {
            return;
        }
        int mid = b.y + b.height / 2;
        Color level = state.level() == 1 ? SchematicStyle.HIGH : SchematicStyle.LOW;

        // Pin stub from the body outwards, then the wire to the peripheral, a junction dot between them.
        int edge = x(LABEL);
        int pinEnd = x(LABEL + PIN);
        g.setForegroundColor(level);
        g.setLineWidth(3);
        g.drawLine(edge, mid, pinEnd, mid);
        g.setLineWidth(2);
        g.drawLine(pinEnd, mid, x(LABEL + PIN + WIRE), mid);
        g.setBackgroundColor(level);
        g.fillOval(pinEnd - 3, mid - 3, 7, 7);

        paintDirection(g, mid);

        Font small = SchematicStyle.small();
        String number = Integer.toString(line);
        Dimension nd = FigureUtilities.getTextExtents(number, small);
        g.setFont(small);
        g.setForegroundColor(SchematicStyle.PIN_NUMBER);
        g.drawText(number, Mirror.textAt(b, leftSide, LABEL + 5, nd.width), mid - 2 - nd.height);

        paintName(g, mid);
        if (state.irqType() != IrqType.NONE) {
            paintBadge(g, mid);
        } else if (isReleased()) {
            paintReleased(g, mid);
        }
        if (binding != null) {
            paintHardwareMark(g, mid);
        }
    }

    /** A dotted "released" tag on the wire, where the IRQ badge goes: the guest let go of the line. */
    private void paintReleased(Graphics g, int mid) {
        Font font = SchematicStyle.small();
        String text = "released";
        Dimension d = FigureUtilities.getTextExtents(text, font);
        Rectangle b = getBounds();
        int w = d.width + 10;
        int u = LABEL + PIN + 10;
        int x = leftSide ? b.right() - u - w : b.x + u;
        Rectangle r = new Rectangle(x, mid - 9, w, 18);
        g.setBackgroundColor(SchematicStyle.WHITE);
        g.fillRoundRectangle(r, 8, 8);
        g.setForegroundColor(SchematicStyle.MUTED);
        g.setLineWidth(1);
        g.setLineStyle(SWT.LINE_DOT); // dotted, unlike the IRQ badges: nothing holds the line
        g.drawRoundRectangle(r, 8, 8);
        g.setLineStyle(SWT.LINE_SOLID);
        g.setFont(font);
        g.drawText(text, r.x + (r.width - d.width) / 2, r.y + (r.height - d.height) / 2);
    }

    /** "HW" on the wire next to the peripheral: the line follows or drives a physical line. */
    private void paintHardwareMark(Graphics g, int mid) {
        Rectangle b = getBounds();
        int u = LABEL + PIN + WIRE - HW_W - 4;
        int x = leftSide ? b.right() - u - HW_W : b.x + u;
        Rectangle r = new Rectangle(x, mid - 9, HW_W, 18);
        g.setBackgroundColor(bindingProblem ? SchematicStyle.WHITE : SchematicStyle.HARDWARE);
        g.fillRoundRectangle(r, 6, 6);
        g.setForegroundColor(bindingProblem ? SchematicStyle.IRQ_LATCHED : SchematicStyle.HARDWARE);
        g.setLineWidth(bindingProblem ? 2 : 1);
        g.drawRoundRectangle(r, 6, 6);
        Font font = SchematicStyle.smallBold();
        Dimension d = FigureUtilities.getTextExtents("HW", font);
        g.setFont(font);
        g.setForegroundColor(bindingProblem ? SchematicStyle.IRQ_LATCHED : SchematicStyle.WHITE);
        g.drawText("HW", r.x + (r.width - d.width) / 2, r.y + (r.height - d.height) / 2);
    }

    private int x(int u) {
        return Mirror.x(getBounds(), leftSide, u);
    }

    private void paintName(Graphics g, int mid) {
        boolean named = !state.name().isEmpty();
        Font font = selected ? SchematicStyle.bold() : SchematicStyle.regular();
        String text = TextFit.fit(named ? state.name() : "unnamed", font, LABEL - 18);
        Dimension d = FigureUtilities.getTextExtents(text, font);
        g.setFont(font);
        g.setForegroundColor(named ? SchematicStyle.PIN_NAME : SchematicStyle.MUTED);
        // Reads from the body's edge inwards: right-aligned on the right side, left-aligned on the left.
        int tx = leftSide ? x(LABEL - 8) : x(LABEL - 8) - d.width;
        g.drawText(text, tx, mid - d.height / 2);
    }

    /** An arrow on the pin: into the chip for an input, out of it for an output; a ring when not configured. */
    private void paintDirection(Graphics g, int mid) {
        int cx = x(LABEL + PIN / 2 - 2);
        int out = Mirror.outward(leftSide);
        g.setBackgroundColor(SchematicStyle.TEXT);
        g.setForegroundColor(SchematicStyle.TEXT);
        switch (state.direction()) {
            case IN -> g.fillPolygon(new int[] {cx - out * 6, mid, cx + out * 5, mid - 6, cx + out * 5, mid + 6});
            case OUT -> g.fillPolygon(new int[] {cx + out * 6, mid, cx - out * 5, mid - 6, cx - out * 5, mid + 6});
            default -> {
                g.setBackgroundColor(SchematicStyle.WHITE);
                g.fillOval(cx - 4, mid - 4, 9, 9);
                g.setLineWidth(1);
                g.drawOval(cx - 4, mid - 4, 9, 9);
            }
        }
    }

    /** The IRQ type on the wire: outlined when only enabled, amber when a buffer is held, red when latched. */
    private void paintBadge(Graphics g, int mid) {
        Rectangle b = getBounds();
        int u = LABEL + PIN + 14;
        int x = leftSide ? b.right() - u - BADGE_W : b.x + u;
        Rectangle r = new Rectangle(x, mid - 9, BADGE_W, 18);
        Color fill;
        Color border;
        Color text;
        if (state.latched()) {
            fill = SchematicStyle.IRQ_LATCHED;
            border = SchematicStyle.IRQ_LATCHED;
            text = SchematicStyle.WHITE;
        } else if (state.armed()) {
            fill = SchematicStyle.IRQ_ARMED;
            border = SchematicStyle.IRQ_ARMED_BORDER;
            text = SchematicStyle.TEXT;
        } else {
            fill = SchematicStyle.WHITE;
            border = SchematicStyle.IRQ_ENABLED;
            text = SchematicStyle.IRQ_ENABLED;
        }
        g.setBackgroundColor(fill);
        g.fillRoundRectangle(r, 8, 8);
        g.setForegroundColor(border);
        g.setLineWidth(1);
        g.drawRoundRectangle(r, 8, 8);
        String label = abbreviation(state.irqType());
        Font font = SchematicStyle.smallBold();
        Dimension d = FigureUtilities.getTextExtents(label, font);
        g.setFont(font);
        g.setForegroundColor(text);
        g.drawText(label, r.x + (r.width - d.width) / 2, r.y + (r.height - d.height) / 2);
    }

    public static String abbreviation(IrqType type) {
        return switch (type) {
            case EDGE_RISING -> "RISE";
            case EDGE_FALLING -> "FALL";
            case EDGE_BOTH -> "BOTH";
            case LEVEL_HIGH -> "HIGH";
            case LEVEL_LOW -> "LOW";
            case NONE -> "";
        };
    }

    private static Label tooltip(LineState s, String binding, boolean released) {
        StringBuilder t = new StringBuilder();
        t.append("Line ").append(s.line());
        if (!s.name().isEmpty()) {
            t.append(" \u201c").append(s.name()).append('\u201d');
        }
        t.append("\nDirection: ").append(s.direction().word());
        if (released) {
            t.append(" (released by the guest)");
        }
        t.append("\nLevel: ").append(s.level());
        t.append(" (output value ").append(s.outputValue()).append(", input level ").append(s.inputLevel()).append(')');
        t.append("\nIRQ: ").append(s.irqType().word());
        if (s.irqType() != IrqType.NONE) {
            t.append(s.latched() ? ", edge latched" : s.armed() ? ", armed (buffer held)" : ", enabled, no buffer");
        }
        if (binding != null) {
            t.append("\nHardware: ").append(binding);
        }
        if (s.direction() != Direction.OUT) {
            t.append("\nClick the switch to toggle the input; right-click for stimuli.");
        }
        Label label = new Label(t.toString());
        label.setBorder(new MarginBorder(4));
        return label;
    }
}
