package io.vgpio.ui.state;

import io.vgpio.session.DeviceSession;
import io.vgpio.trace.TraceRecorder;
import io.vgpio.ui.DeviceService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;

/**
 * The status bar's recording indicator: a red "REC" with the file, its size and the recording's duration while
 * the device records, nothing otherwise. Its timer also keeps {@link DeviceState} up to date, so that a recording
 * that ends without the Trace menu (the device stopped, the disk failed) disables Stop Recording.
 */
public final class RecordingIndicator extends WorkbenchWindowControlContribution {
    /** The widget data key and value naming the label, for tests. */
    public static final String WIDGET_ID = "io.vgpio.ui.id";
    public static final String ID = "recording.indicator";
    private static final int TICK_MILLIS = 500;

    private Label label;

    @Override
    protected Control createControl(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 0;
        layout.marginWidth = 4;
        box.setLayout(layout);
        label = new Label(box, SWT.NONE);
        label.setData(WIDGET_ID, ID);
        label.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, true);
        gd.widthHint = 380; // the longest text fits: the trim does not grow after the first layout
        label.setLayoutData(gd);
        tick();
        return box;
    }

    private void tick() {
        if (label == null || label.isDisposed()) {
            return;
        }
        DeviceSession s = DeviceService.get().current();
        TraceRecorder rec = s == null ? null : s.recorder();
        String text = rec == null ? "" : "\u25cf REC  " + RecordingText.of(rec).substring("Recording ".length());
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.setToolTipText(rec == null ? null : "Recording into " + rec.file() + " (Trace > Stop Recording)");
        }
        DeviceState.refresh();
        label.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }
}
