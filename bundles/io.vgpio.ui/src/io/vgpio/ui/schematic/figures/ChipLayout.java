package io.vgpio.ui.schematic.figures;

import org.eclipse.draw2d.geometry.Rectangle;

/**
 * Where everything of the chip symbol goes, without drawing anything. A chip of up to {@link #LINES_PER_UNIT}
 * lines is one body with the first half of its lines down the left side and the rest down the right. A bigger
 * chip is split, as EDA tools split a big part, into units of {@link #LINES_PER_UNIT} lines (U1A, U1B, ...) laid
 * out side by side (at most {@link #MAX_UNITS_PER_ROW}) and then row under row: 64 lines make two units next to
 * each other, so the chip stays about as wide as it is tall and a fitted view keeps its text readable (one column
 * of 32 rows would have to shrink until nothing could be read). A narrow view stacks the units instead.
 *
 * <p>Simulated parts (issue 14) stand in columns ("slots") beyond the rows' outer ends, on both sides of every
 * unit; a chip without parts has no slots and is laid out exactly as before.
 */
public final class ChipLayout {
    public static final int LINES_PER_UNIT = 32;
    /** Units side by side when the view is wide enough, and by default. */
    public static final int UNITS_PER_ROW = 2;
    public static final int MAX_UNITS_PER_ROW = 4;
    static final int MARGIN = 24;
    /** Room above a body for its reference designator. */
    static final int ABOVE = 22;
    static final int HEADER = 58;
    static final int FOOTER = 14;
    static final int CENTER_GAP = 24;
    /** Between two units side by side, and between two rows of units. */
    static final int UNIT_GAP = 40;
    /** From the bottom of the last row of units to the legend. */
    static final int LEGEND_GAP = 18;
    static final int BODY_W = 2 * LineFigure.LABEL + CENTER_GAP;
    /** A part column: the wire from a row's end to the part, and the part. */
    public static final int SLOT_W = PartFigure.WIRE + PartFigure.WIDTH;

    private final int lines;
    private final int unitsPerRow;
    private final int partSlots;

    public ChipLayout(int lines) {
        this(lines, UNITS_PER_ROW);
    }

    public ChipLayout(int lines, int unitsPerRow) {
        this(lines, unitsPerRow, 0);
    }

    /** @param partSlots part columns on each side of every unit (0: no parts) */
    public ChipLayout(int lines, int unitsPerRow, int partSlots) {
        this.lines = lines;
        this.unitsPerRow = Math.max(1, unitsPerRow);
        this.partSlots = Math.max(0, partSlots);
    }

    public int partSlots() {
        return partSlots;
    }

    /** The same chip with another number of part columns. */
    public ChipLayout withPartSlots(int slots) {
        return new ChipLayout(lines, unitsPerRow, slots);
    }

    /** The same chip with another number of units side by side. */
    public ChipLayout withUnitsPerRow(int perRow) {
        return new ChipLayout(lines, perRow, partSlots);
    }

    /** From a body's edge to the outer end of its farthest part column. */
    private int outside() {
        return LineFigure.OUTSIDE + partSlots * SLOT_W;
    }

    private int unitWidth() {
        return BODY_W + 2 * outside();
    }

    public int lines() {
        return lines;
    }

    public int units() {
        return Math.max(1, (lines + LINES_PER_UNIT - 1) / LINES_PER_UNIT);
    }

    /** Units side by side. */
    public int columns() {
        return Math.min(units(), unitsPerRow);
    }

    int unitRows() {
        return (units() + columns() - 1) / columns();
    }

    public int unitOf(int line) {
        return line / LINES_PER_UNIT;
    }

    int firstLine(int unit) {
        return unit * LINES_PER_UNIT;
    }

    int lineCount(int unit) {
        return Math.max(0, Math.min(LINES_PER_UNIT, lines - firstLine(unit)));
    }

    /** The lines of a unit down its left side: the first half, rounded up. */
    int leftCount(int unit) {
        return (lineCount(unit) + 1) / 2;
    }

    /** True if the line's row is on the left of its unit's body (drawn mirrored). */
    public boolean isLeft(int line) {
        int unit = unitOf(line);
        return line - firstLine(unit) < leftCount(unit);
    }

    /** Rows of every unit: the first is the fullest, and units in one row of the grid line up. */
    int rowsPerUnit() {
        return Math.max(1, leftCount(0));
    }

    int bodyHeight() {
        return HEADER + rowsPerUnit() * LineFigure.ROW + FOOTER;
    }

    public Rectangle body(int unit) {
        int column = unit % columns();
        int row = unit / columns();
        int x = MARGIN + column * (unitWidth() + UNIT_GAP) + outside();
        int y = MARGIN + ABOVE + row * (ABOVE + bodyHeight() + UNIT_GAP);
        return new Rectangle(x, y, BODY_W, bodyHeight());
    }

    /** The row of a line within its side of its unit, from the top: 0 for the first row. */
    public int rowIndex(int line) {
        int unit = unitOf(line);
        int k = line - firstLine(unit);
        return k < leftCount(unit) ? k : k - leftCount(unit);
    }

    /** The bounds of a line's row: the name inside the body, the pin, the wire and the peripheral outside. */
    public Rectangle row(int line) {
        int unit = unitOf(line);
        Rectangle body = body(unit);
        int k = line - firstLine(unit);
        boolean left = k < leftCount(unit);
        int row = left ? k : k - leftCount(unit);
        int y = body.y + HEADER + row * LineFigure.ROW;
        int x = left ? body.x - LineFigure.OUTSIDE : body.right() - LineFigure.LABEL;
        return new Rectangle(x, y, LineFigure.WIDTH, LineFigure.ROW);
    }

    public int width() {
        return 2 * MARGIN + columns() * unitWidth() + (columns() - 1) * UNIT_GAP;
    }

    /** The top of the legend, under the last row of units. */
    int legendTop() {
        return body(units() - 1).bottom() + LEGEND_GAP;
    }

    /** The reference designator of a unit: U1 for a one-unit chip, else U1A, U1B, ... (U1-27 after U1Z). */
    String designator(int unit) {
        if (units() == 1) {
            return "U1";
        }
        return unit < 26 ? "U1" + (char) ('A' + unit) : "U1-" + (unit + 1);
    }
}
