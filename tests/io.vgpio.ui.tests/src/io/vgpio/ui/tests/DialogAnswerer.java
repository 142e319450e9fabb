package io.vgpio.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Answers the next modal dialog with a given title, as a user would, while the code that opened it waits in the
 * dialog's event loop: it watches the UI thread's shells (a condition checked every few ms on the event loop, not a
 * sleep) and presses the button with the given label. If no such dialog appears within the guard time, it closes
 * whatever dialog has that title late, or gives up, so that a test fails instead of hanging in a modal loop.
 */
public final class DialogAnswerer {
    private static final int POLL_MILLIS = 20;

    private final String title;
    private final String button;
    private final long deadline;
    private volatile String message;
    private volatile boolean answered;

    private DialogAnswerer(String title, String button) {
        this.title = title;
        this.button = button;
        this.deadline = System.currentTimeMillis() + UiTest.MIN_TIMEOUT_MILLIS;
    }

    /** Starts watching for a dialog titled {@code title}, to press {@code button} ("Yes", "No", "OK"). */
    public static DialogAnswerer answer(String title, String button) {
        DialogAnswerer a = new DialogAnswerer(title, button);
        Display.getCurrent().timerExec(POLL_MILLIS, a::poll);
        return a;
    }

    /** Whether the dialog came and was answered. */
    public boolean answered() {
        return answered;
    }

    /** The dialog's message (its labels' text), or null if it never came. */
    public String message() {
        return message;
    }

    private void poll() {
        Display d = Display.getCurrent();
        for (Shell s : d.getShells()) {
            if (!s.isDisposed() && s.isVisible() && title.equals(s.getText())) {
                Button b = find(s);
                if (b != null) {
                    message = labels(s, new StringBuilder()).toString().strip();
                    answered = true;
                    b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                    return;
                }
            }
        }
        if (System.currentTimeMillis() < deadline) {
            d.timerExec(POLL_MILLIS, this::poll);
        }
    }

    private Button find(Composite c) {
        for (Control child : c.getChildren()) {
            if (child instanceof Button b && button.equals(b.getText().replace("&", ""))) {
                return b;
            }
            if (child instanceof Composite sub) {
                Button found = find(sub);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static StringBuilder labels(Composite c, StringBuilder out) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                out.append(l.getText()).append('\n');
            } else if (child instanceof Composite sub) {
                labels(sub, out);
            }
        }
        return out;
    }
}
