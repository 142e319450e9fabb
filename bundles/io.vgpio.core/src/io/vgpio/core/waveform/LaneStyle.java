package io.vgpio.core.waveform;

import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;

/**
 * The workbench's one colour language, shared by the waveform chart, its SVG and PNG export and the schematic:
 * colour means <em>level</em> everywhere (high green, low blue, unknown pale grey, a change dark grey), whatever the
 * line's direction; the direction is written in the lane's label ("in", "out"), never coded by colour. Marker lanes
 * (virtqueue traffic) have one colour per kind of event. Colours are plain 0xRRGGBB ints so that the model needs no
 * toolkit; each view turns them into its own colour objects.
 */
public final class LaneStyle {
    /** A high level: the schematic's pins and switches, and the waveform's level lanes. */
    public static final int HIGH = 0x00a03c;
    /** A low level, in every view. */
    public static final int LOW = 0x2355af;
    /** Edges and bursts of edges: neither level, so neither colour. */
    public static final int TRANSITION = 0x505050;
    public static final int UNKNOWN = 0xd8d8d8;
    public static final int CURSOR_A = 0xe07000;
    public static final int CURSOR_B = 0x8030c0;
    public static final int HIGHLIGHT = 0xe00090;
    /** A trace's scrub time: where the schematic shows the chip. */
    public static final int SCRUB = 0xd01010;
    /** The legend the views state, so that both say the same. */
    public static final String LEGEND = "green = high, blue = low (inputs and outputs alike); direction in the label";

    private LaneStyle() {
    }

    /** The colour of a level: 1 high, 0 low. */
    public static int level(int level) {
        return level == 0 ? LOW : HIGH;
    }

    /** The colour of one run of a lane as 0xRRGGBB: its level for a line, its kind's colour for markers. */
    public static int of(LaneData d, int run) {
        if (!d.lane().isLine()) {
            return marker(d.lane());
        }
        return switch (d.state(run)) {
            case LaneData.HIGH -> HIGH;
            case LaneData.LOW -> LOW;
            case LaneData.UNKNOWN -> UNKNOWN;
            default -> TRANSITION;
        };
    }

    /** A marker lane's colour: one per kind of virtqueue event. */
    public static int marker(Lane l) {
        EventKind k = l.kinds().iterator().next();
        return switch (k) {
            case REQUEST -> 0x4455cc;
            case RESPONSE -> 0x008f8f;
            case EVENT_BUFFER -> 0x8a5cc4;
            case INTERRUPT -> 0xd08000;
            case BUFFER_INVALID -> 0xe05000;
            default -> 0xd00000;
        };
    }

    /** The pale fill under a high level: the colour moved five sixths of the way to white. */
    public static int tint(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return (255 - (255 - r) / 6) << 16 | (255 - (255 - g) / 6) << 8 | 255 - (255 - b) / 6;
    }

    /** The lane's label with the line's direction as an arrow and a word: "3 BUTTON  \u2192in". */
    public static String label(LaneData d) {
        Lane l = d.lane();
        if (!l.isLine()) {
            return l.label();
        }
        return l.label() + "  " + direction(d.direction());
    }

    /** "→in" (the outside drives it), "←out" (the guest drives it), "" when the guest did not request the line. */
    public static String direction(Direction d) {
        if (d == Direction.IN) {
            return "\u2192" + d.word();
        }
        if (d == Direction.OUT) {
            return "\u2190" + d.word();
        }
        return d == null ? "" : d.word();
    }

    /** "#rrggbb", as SVG and CSS write a colour. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
