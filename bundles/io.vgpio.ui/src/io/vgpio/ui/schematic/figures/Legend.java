package io.vgpio.ui.schematic.figures;

import java.util.List;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;

/**
 * The key to the schematic's colours and a line of help, flowed into the width it is given: entries wrap to a
 * new row and the help wraps at words, so that a narrow chip never pushes the legend off its right edge. The
 * same flow measures ({@link #height}) and paints, so the chip's extent always holds what is drawn.
 */
final class Legend {
    /**
     * How an entry's swatch is drawn: as a wire, as a badge, as the dashed tag of a released line, or as the
     * dashed wire of a line in contention.
     */
    private enum Swatch { LINE, BADGE, DASHED, CONTENTION }

    private record Entry(Swatch swatch, Color fill, Color border, String label) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(Swatch.LINE, SchematicStyle.HIGH, SchematicStyle.HIGH, "high level"),
            new Entry(Swatch.LINE, SchematicStyle.LOW, SchematicStyle.LOW, "low level (in and out alike)"),
            new Entry(Swatch.BADGE, SchematicStyle.WHITE, SchematicStyle.IRQ_ENABLED, "IRQ enabled"),
            new Entry(Swatch.BADGE, SchematicStyle.IRQ_ARMED, SchematicStyle.IRQ_ARMED_BORDER, "armed (buffer held)"),
            new Entry(Swatch.BADGE, SchematicStyle.IRQ_LATCHED, SchematicStyle.IRQ_LATCHED, "edge latched"),
            new Entry(Swatch.BADGE, SchematicStyle.HARDWARE, SchematicStyle.HARDWARE, "HW: bound to a physical line"),
            new Entry(Swatch.DASHED, SchematicStyle.WHITE, SchematicStyle.MUTED, "released by the guest"),
            new Entry(Swatch.CONTENTION, SchematicStyle.CONTENTION, SchematicStyle.CONTENTION,
                    "contention: drivers disagree"));
    private static final int SWATCH = 20;
    private static final int SWATCH_GAP = 6;
    private static final int ENTRY_GAP = 14;
    private static final int ROW_GAP = 4;

    private final String hint;

    Legend(String hint) {
        this.hint = hint;
    }

    /** The height the legend takes when flowed into {@code width}. */
    int height(int width) {
        return flow(null, new Rectangle(0, 0, width, 0));
    }

    /** Paints the legend from the top left of {@code area}, flowed into its width. */
    void paint(Graphics g, Rectangle area) {
        flow(g, area);
    }

    /** Lays out (and paints, when g is not null) the entries and the hint; returns the height used. */
    private int flow(Graphics g, Rectangle area) {
        Font font = SchematicStyle.small();
        int rowHeight = FigureUtilities.getTextExtents("Ag", font).height;
        int x = area.x;
        int y = area.y;
        if (g != null) {
            g.setFont(font);
        }
        for (Entry e : ENTRIES) {
            int w = SWATCH + SWATCH_GAP + FigureUtilities.getTextExtents(e.label(), font).width;
            if (x > area.x && x + w > area.x + area.width) {
                x = area.x;
                y += rowHeight + ROW_GAP;
            }
            if (g != null) {
                paintEntry(g, e, x, y, rowHeight);
            }
            x += w + ENTRY_GAP;
        }
        y += rowHeight + ROW_GAP;
        for (String line : wrap(hint, font, area.width)) {
            if (g != null) {
                g.setForegroundColor(SchematicStyle.MUTED);
                g.drawText(line, area.x, y);
            }
            y += rowHeight;
        }
        return y - area.y;
    }

    private static void paintEntry(Graphics g, Entry e, int x, int y, int rowHeight) {
        int mid = y + rowHeight / 2;
        if (e.swatch() == Swatch.LINE || e.swatch() == Swatch.CONTENTION) {
            g.setForegroundColor(e.fill());
            g.setLineWidth(3);
            g.setLineStyle(e.swatch() == Swatch.CONTENTION ? SWT.LINE_DASH : SWT.LINE_SOLID);
            g.drawLine(x, mid, x + SWATCH - 2, mid);
            g.setLineStyle(SWT.LINE_SOLID);
        } else {
            Rectangle r = new Rectangle(x, mid - 6, SWATCH, 12);
            g.setBackgroundColor(e.fill());
            g.fillRoundRectangle(r, 6, 6);
            g.setForegroundColor(e.border());
            g.setLineWidth(1);
            g.setLineStyle(e.swatch() == Swatch.DASHED ? SWT.LINE_DOT : SWT.LINE_SOLID);
            g.drawRoundRectangle(r, 6, 6);
            g.setLineStyle(SWT.LINE_SOLID);
        }
        g.setForegroundColor(SchematicStyle.TEXT);
        g.drawText(e.label(), x + SWATCH + SWATCH_GAP, y);
    }

    /** The text broken at spaces into lines no wider than {@code width} (a single longer word stays whole). */
    static List<String> wrap(String text, Font font, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            Dimension d = FigureUtilities.getTextExtents(candidate, font);
            if (d.width > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
