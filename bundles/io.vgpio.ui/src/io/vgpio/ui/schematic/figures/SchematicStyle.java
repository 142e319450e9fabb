package io.vgpio.ui.schematic.figures;

import io.vgpio.core.waveform.LaneStyle;
import org.eclipse.jface.resource.FontRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;

/**
 * The schematic's palette and fonts, in one place so that every figure uses the same ones. The colours follow
 * the conventions of EDA tools (a pale yellow body with a dark red outline, teal pin names) and of logic
 * simulators (one colour for a high level, another for a low one). Device-less colours need no disposal; fonts
 * live in the JFace font registry, which disposes them with the display.
 */
public final class SchematicStyle {
    public static final Color BACKGROUND = new Color(255, 255, 255);
    public static final Color BODY_FILL = new Color(255, 252, 222);
    public static final Color BODY_LINE = new Color(132, 0, 0);
    public static final Color PIN_NAME = new Color(0, 102, 112);
    public static final Color PIN_NUMBER = new Color(132, 0, 0);
    public static final Color TEXT = new Color(45, 45, 45);
    public static final Color MUTED = new Color(140, 140, 140);
    /** A high level: the same colour as in the waveform and its exports ({@link LaneStyle}). */
    public static final Color HIGH = rgb(LaneStyle.HIGH);
    /** A low level, as in the waveform. */
    public static final Color LOW = rgb(LaneStyle.LOW);
    public static final Color LEAD = new Color(70, 70, 70);
    /** The mark of a line bound to a physical GPIO line. */
    public static final Color HARDWARE = new Color(110, 60, 150);
    public static final Color LED_ON = new Color(255, 38, 28);
    public static final Color LED_ON_CORE = new Color(255, 214, 200);
    public static final Color LED_OFF = new Color(122, 52, 52);
    public static final Color LED_GLYPH_OFF = new Color(210, 170, 170);
    public static final Color IRQ_ENABLED = new Color(110, 110, 110);
    public static final Color IRQ_ARMED = new Color(255, 183, 0);
    public static final Color IRQ_ARMED_BORDER = new Color(200, 140, 0);
    public static final Color IRQ_LATCHED = new Color(211, 47, 47);
    /** A line where two strong drivers disagree (issue 14): its part wires, dashed. */
    public static final Color CONTENTION = new Color(255, 102, 0);
    public static final Color SELECTION = new Color(51, 136, 255);
    public static final Color SWITCH_FILL = new Color(241, 243, 247);
    public static final Color SWITCH_BORDER = new Color(190, 196, 206);
    public static final Color WHITE = new Color(255, 255, 255);

    /** The smallest font, in pixels on screen after zoom, that the pin names may shrink to. */
    public static final double READABLE_PX = 8;

    private static final String SMALL = "io.vgpio.ui.schematic.small";
    private static final String SMALL_BOLD = "io.vgpio.ui.schematic.smallBold";
    private static final String TITLE = "io.vgpio.ui.schematic.title";

    private SchematicStyle() {
    }

    private static Color rgb(int rgb) {
        return new Color(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    public static Font regular() {
        return JFaceResources.getDefaultFont();
    }

    public static Font bold() {
        return JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
    }

    /** Pin numbers, badge and legend text: two points smaller than the default font. */
    public static Font small() {
        return derived(SMALL, -2, SWT.NORMAL);
    }

    public static Font smallBold() {
        return derived(SMALL_BOLD, -2, SWT.BOLD);
    }

    /** The chip's title. */
    public static Font title() {
        return derived(TITLE, 2, SWT.BOLD);
    }

    /** A font's height in pixels on its display at 100% (points times the display's dots per point). */
    public static double pixelHeight(Font font) {
        double dpi = font.getDevice().getDPI().y;
        return font.getFontData()[0].getHeight() * dpi / 72.0;
    }

    private static Font derived(String key, int heightDelta, int style) {
        FontRegistry registry = JFaceResources.getFontRegistry();
        if (!registry.hasValueFor(key)) {
            FontData[] base = JFaceResources.getDefaultFont().getFontData();
            FontData[] data = new FontData[base.length];
            for (int i = 0; i < base.length; i++) {
                data[i] = new FontData(base[i].getName(), Math.max(6, base[i].getHeight() + heightDelta), style);
            }
            registry.put(key, data);
        }
        return registry.get(key);
    }
}
