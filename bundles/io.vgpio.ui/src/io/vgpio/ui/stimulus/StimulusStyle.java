package io.vgpio.ui.stimulus;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Control;

/** The colours and the bold font the Stimulus view's parts share; the font is the view's to dispose. */
record StimulusStyle(Color errorBg, Color errorFg, Color ledOn, Color ledOff, Font bold) {

    /** The style for controls under {@code parent}: its font made bold. */
    static StimulusStyle of(Control parent) {
        FontData[] fd = parent.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        return new StimulusStyle(new Color(255, 220, 220), new Color(180, 0, 0), new Color(40, 190, 60),
                new Color(70, 70, 70), new Font(parent.getDisplay(), fd));
    }

    void dispose() {
        bold.dispose();
    }
}
