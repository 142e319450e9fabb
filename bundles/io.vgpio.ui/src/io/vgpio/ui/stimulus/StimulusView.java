package io.vgpio.ui.stimulus;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/** PLACEHOLDER: replaced by the real view. */
public final class StimulusView extends ViewPart {
    public static final String ID = "io.vgpio.ui.stimulus";

    private Label label;

    @Override
    public void createPartControl(Composite parent) {
        label = new Label(parent, SWT.NONE);
        label.setText("StimulusView");
    }

    @Override
    public void setFocus() {
        label.setFocus();
    }
}
