package io.vgpio.ui.state;

import io.vgpio.session.DeviceSession;
import io.vgpio.trace.TraceRecorder;
import io.vgpio.ui.DeviceService;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.actions.CompoundContributionItem;

/**
 * The Trace menu's line about the recording in progress ("Recording gpio.trc: 12.3 kB, 4 s, ..."), rebuilt each
 * time the menu opens; no line when nothing records. It only informs: it is never enabled.
 */
public final class RecordingMenuItem extends CompoundContributionItem {
    @Override
    protected IContributionItem[] getContributionItems() {
        DeviceSession s = DeviceService.get().current();
        TraceRecorder rec = s == null ? null : s.recorder();
        if (rec == null) {
            return new IContributionItem[0];
        }
        Action a = new Action("\u25cf " + RecordingText.of(rec)) {
        };
        a.setEnabled(false);
        a.setToolTipText(rec.file().toString());
        return new IContributionItem[] {new ActionContributionItem(a)};
    }
}
