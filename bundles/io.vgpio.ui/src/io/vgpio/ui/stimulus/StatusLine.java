package io.vgpio.ui.stimulus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The view's status line: what runs, what is done, what failed. The UI thread never waits for a stimulus; it
 * keeps the futures of what it queued and looks at each {@link #poll() tick} whether they are over.
 */
final class StatusLine {
    /** Work queued on the scheduler that the status line reports on when it is over. */
    private record Pending(Future<?> future, String what) {
    }

    private final Label label;
    private final StimulusStyle style;
    private final Runnable relayout;
    private final List<Pending> pending = new ArrayList<>();

    StatusLine(Composite parent, StimulusStyle style, Runnable relayout) {
        this.style = style;
        this.relayout = relayout;
        label = new Label(parent, SWT.WRAP);
        label.setData(StimulusView.WIDGET_ID, StimulusView.ID_STATUS);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(label);
    }

    void show(String text, boolean error) {
        label.setText(text);
        label.setForeground(error ? style.errorFg() : null);
        relayout.run();
    }

    /** Reports "Running: ..." now and "Done: ..." (or "Failed: ...") once the future is over. */
    void track(Future<?> f, String what) {
        pending.add(new Pending(f, what));
        show("Running: " + what + " \u2026", false);
    }

    /** Forgets what was queued (on another device, or none). */
    void forget() {
        pending.clear();
    }

    void poll() {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.future().isDone()) {
                it.remove();
                try {
                    p.future().get();
                    if (pending.isEmpty()) {
                        show("Done: " + p.what() + ".", false);
                    }
                } catch (ExecutionException | InterruptedException | CancellationException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    show("Failed: " + p.what() + ": " + cause.getMessage(), true);
                }
            }
        }
    }
}
