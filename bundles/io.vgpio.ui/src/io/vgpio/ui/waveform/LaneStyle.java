package io.vgpio.ui.waveform;

import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import java.awt.Color;

/** Lane colours, shared by the chart and the SVG export: inputs green, outputs blue, unused lines grey. */
public final class LaneStyle {
    public static final Color INPUT = new Color(0x1b, 0x9e, 0x3e);
    public static final Color OUTPUT = new Color(0x1f, 0x5f, 0xd0);
    public static final Color UNUSED = new Color(0x80, 0x80, 0x80);
    public static final Color UNKNOWN = new Color(0xd8, 0xd8, 0xd8);
    public static final Color CURSOR_A = new Color(0xe0, 0x70, 0x00);
    public static final Color CURSOR_B = new Color(0x80, 0x30, 0xc0);
    public static final Color HIGHLIGHT = new Color(0xe0, 0x00, 0x90);
    /** A trace's scrub time: where the schematic shows the chip. */
    public static final Color SCRUB = new Color(0xd0, 0x10, 0x10);

    private LaneStyle() {
    }

    public static Color of(LaneData d) {
        Lane l = d.lane();
        if (l.isLine()) {
            return d.direction() == Direction.OUT ? OUTPUT : d.direction() == Direction.IN ? INPUT : UNUSED;
        }
        EventKind k = l.kinds().iterator().next();
        return switch (k) {
            case REQUEST -> new Color(0x44, 0x55, 0xcc);
            case RESPONSE -> new Color(0x00, 0x8f, 0x8f);
            case EVENT_BUFFER -> new Color(0x8a, 0x5c, 0xc4);
            case INTERRUPT -> new Color(0xd0, 0x80, 0x00);
            case BUFFER_INVALID -> new Color(0xe0, 0x50, 0x00);
            default -> new Color(0xd0, 0x00, 0x00);
        };
    }

    /** The lane's label with the line's direction: "3 BUTTON  in". */
    public static String label(LaneData d) {
        Lane l = d.lane();
        if (!l.isLine()) {
            return l.label();
        }
        return l.label() + "  " + (d.direction() == null ? "" : d.direction().word());
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
