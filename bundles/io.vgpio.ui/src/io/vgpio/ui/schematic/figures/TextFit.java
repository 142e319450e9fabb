package io.vgpio.ui.schematic.figures;

import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.swt.graphics.Font;

/** Text cut to a width with an ellipsis, so that a long name never runs out of its place. */
final class TextFit {
    private TextFit() {
    }

    static String fit(String text, Font font, int width) {
        if (FigureUtilities.getTextExtents(text, font).width <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && FigureUtilities.getTextExtents(s + "\u2026", font).width > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "\u2026";
    }
}
