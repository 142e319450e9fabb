package io.vgpio.ui.schematic.figures;

import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

/**
 * The wires from the rows' outer ends to the parts, in the line's level colour (green high, blue low, as the
 * rows), or dashed in the contention colour while two strong drivers disagree on the line. Painted by the chip
 * under its children, so a wire to a part in an outer column passes behind the parts nearer the chip.
 */
final class PartWires {
    private PartWires() {
    }

    static void paint(Graphics g, ChipLayout layout, PartPlacement placement, List<PartFigure> parts,
            IntUnaryOperator level, Set<Integer> contention) {
        for (int i = 0; i < parts.size(); i++) {
            PartPlacement.Spot spot = placement.spot(i);
            if (spot == null) {
                continue;
            }
            Rectangle box = PartPlacement.bounds(layout, spot);
            boolean left = layout.isLeft(spot.anchor());
            int innerX = left ? box.right() : box.x;
            for (int line : spot.pins()) {
                Point from = PartPlacement.rowEnd(layout, line);
                boolean alongside = from.y > box.y && from.y < box.bottom() && layout.isLeft(line) == left
                        && layout.unitOf(line) == layout.unitOf(spot.anchor());
                int y = alongside ? from.y : box.y + box.height / 2;
                wire(g, from, new Point(innerX, y), level.applyAsInt(line), contention.contains(line));
            }
        }
        g.setLineStyle(SWT.LINE_SOLID);
        g.setLineWidth(1);
    }

    private static void wire(Graphics g, Point from, Point to, int level, boolean contention) {
        g.setForegroundColor(contention ? SchematicStyle.CONTENTION
                : level == 1 ? SchematicStyle.HIGH : level == 0 ? SchematicStyle.LOW : SchematicStyle.MUTED);
        g.setLineWidth(contention ? 3 : 2);
        g.setLineStyle(contention ? SWT.LINE_DASH : SWT.LINE_SOLID);
        if (from.y == to.y) {
            g.drawLine(from, to);
        } else {
            int bend = (from.x + to.x) / 2;
            g.drawPolyline(new int[] {from.x, from.y, bend, from.y, bend, to.y, to.x, to.y});
        }
        g.setLineStyle(SWT.LINE_SOLID);
        g.setBackgroundColor(g.getForegroundColor());
        g.fillOval(from.x - 3, from.y - 3, 7, 7);
        g.fillOval(to.x - 2, to.y - 2, 5, 5);
    }
}
