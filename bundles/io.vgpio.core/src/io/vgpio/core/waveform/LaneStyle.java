package io.vgpio.core.waveform;

import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;

/**
 * Lane colours, shared by the chart and the SVG export: inputs green, outputs blue, unused lines grey. Colours are
 * plain 0xRRGGBB ints so that the model needs no toolkit; the chart turns them into its own colour objects.
 */
public final class LaneStyle {
    public static final int INPUT = 0x1b9e3e;
    public static final int OUTPUT = 0x1f5fd0;
    public static final int UNUSED = 0x808080;
    public static final int UNKNOWN = 0xd8d8d8;
    public static final int CURSOR_A = 0xe07000;
    public static final int CURSOR_B = 0x8030c0;
    public static final int HIGHLIGHT = 0xe00090;
    /** A trace's scrub time: where the schematic shows the chip. */
    public static final int SCRUB = 0xd01010;

    private LaneStyle() {
    }

    /** The lane's colour as 0xRRGGBB. */
    public static int of(LaneData d) {
        Lane l = d.lane();
        if (l.isLine()) {
            return d.direction() == Direction.OUT ? OUTPUT : d.direction() == Direction.IN ? INPUT : UNUSED;
        }
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

    /** The lane's label with the line's direction: "3 BUTTON  in". */
    public static String label(LaneData d) {
        Lane l = d.lane();
        if (!l.isLine()) {
            return l.label();
        }
        return l.label() + "  " + (d.direction() == null ? "" : d.direction().word());
    }

    /** "#rrggbb", as SVG and CSS write a colour. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
