package io.vgpio.ui.schematic.figures;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * Where each simulated part stands: beside the rows of the lines it is attached to, on the side of its first
 * line, in the column ("slot") nearest the chip that no earlier part on those rows took. Two parts on the same
 * bus (an LM75 and an EEPROM on SDA/SCL) therefore stand side by side instead of on top of each other. No drawing
 * here: the chip figure lays its part figures out from this and draws their wires.
 */
public final class PartPlacement {
    /** One part's place: the rows it spans (lines on the same side of the same unit) and its column. */
    public record Spot(int anchor, int topLine, int bottomLine, int slot, List<Integer> pins) {
    }

    private final List<Spot> spots;
    private final int slots;

    private PartPlacement(List<Spot> spots, int slots) {
        this.spots = spots;
        this.slots = slots;
    }

    /** Places parts in order; {@code pins} holds each part's lines (lines the chip does not draw are ignored). */
    public static PartPlacement of(ChipLayout layout, List<List<Integer>> pins) {
        List<Spot> spots = new ArrayList<>();
        int slots = 0;
        for (List<Integer> p : pins) {
            List<Integer> shown = p.stream().filter(l -> l >= 0 && l < layout.lines()).toList();
            if (shown.isEmpty()) {
                spots.add(null);
                continue;
            }
            int anchor = shown.get(0);
            int top = anchor;
            int bottom = anchor;
            for (int line : shown) {
                if (sameColumn(layout, line, anchor)) {
                    top = layout.rowIndex(line) < layout.rowIndex(top) ? line : top;
                    bottom = layout.rowIndex(line) > layout.rowIndex(bottom) ? line : bottom;
                }
            }
            int slot = 0;
            while (taken(layout, spots, anchor, top, bottom, slot)) {
                slot++;
            }
            slots = Math.max(slots, slot + 1);
            spots.add(new Spot(anchor, top, bottom, slot, shown));
        }
        return new PartPlacement(spots, slots);
    }

    private static boolean sameColumn(ChipLayout l, int a, int b) {
        return l.unitOf(a) == l.unitOf(b) && l.isLeft(a) == l.isLeft(b);
    }

    private static boolean taken(ChipLayout l, List<Spot> placed, int anchor, int top, int bottom, int slot) {
        for (Spot s : placed) {
            if (s != null && s.slot() == slot && sameColumn(l, s.anchor(), anchor)
                    && l.rowIndex(s.topLine()) <= l.rowIndex(bottom) && l.rowIndex(top) <= l.rowIndex(s.bottomLine())) {
                return true;
            }
        }
        return false;
    }

    /** Part columns needed on a side of a unit. */
    public int slots() {
        return slots;
    }

    /** The i-th part's place, or null when none of its lines is drawn. */
    public Spot spot(int i) {
        return i < spots.size() ? spots.get(i) : null;
    }

    /** The bounds of a part standing at {@code s}, in a layout that has room for the part columns. */
    public static Rectangle bounds(ChipLayout layout, Spot s) {
        Rectangle top = layout.row(s.topLine());
        Rectangle bottom = layout.row(s.bottomLine());
        int reach = PartFigure.WIRE + s.slot() * ChipLayout.SLOT_W;
        int x = layout.isLeft(s.anchor()) ? top.x - reach - PartFigure.WIDTH : top.right() + reach;
        int y = top.y + PartFigure.INSET;
        return new Rectangle(x, y, PartFigure.WIDTH, bottom.bottom() - PartFigure.INSET - y);
    }

    /** Where a line's wire leaves its row: the row's outer end, at its middle. */
    public static Point rowEnd(ChipLayout layout, int line) {
        Rectangle r = layout.row(line);
        return new Point(layout.isLeft(line) ? r.x : r.right(), r.y + r.height / 2);
    }
}
