package io.vgpio.ui.console;

import java.util.function.Consumer;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The guest's serial console as a terminal: shows {@link ConsoleBuffer#GUEST} (decoded by {@link TerminalDecoder})
 * and sends every key press to the guest ({@link TerminalKeys}). The text itself is never edited locally: the
 * guest echoes what it gets, as over a real serial line. A StyledText rather than a Text because it lets the key
 * presses be taken before the widget handles them (VerifyKey) while the text stays selectable for copying.
 */
public final class GuestTerminal {
    private final StyledText text;
    private final Consumer<String> input;
    private long shownVersion = -1;

    /** @param input where typed bytes go (the running guest's console; ignored when none runs) */
    public GuestTerminal(Composite parent, Consumer<String> input) {
        this.input = input;
        text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setEditable(false);
        text.addVerifyKeyListener(e -> {
            String bytes = TerminalKeys.bytesFor(e.keyCode, e.character, e.stateMask);
            if (bytes != null) {
                e.doit = false;
                input.accept(bytes);
            }
        });
    }

    public StyledText control() {
        return text;
    }

    /** Shows the buffer if it changed, scrolled to its end (where the prompt is). */
    public void refresh(ConsoleBuffer buffer) {
        long v = buffer.version();
        if (v != shownVersion) {
            shownVersion = v;
            text.setText(buffer.text());
            text.setCaretOffset(text.getCharCount());
            text.setTopIndex(text.getLineCount() - 1);
        }
    }

    /** Sends text as typed, e.g. a command line ending in "\r". */
    public void type(String s) {
        input.accept(s);
    }

    /**
     * Presses a key as the keyboard would: through the widget's key handling (for tests, and Ctrl+C from the
     * copy command when nothing is selected).
     */
    public void press(int keyCode, char character, int stateMask) {
        Event e = new Event();
        e.keyCode = keyCode;
        e.character = character;
        e.stateMask = stateMask;
        text.notifyListeners(SWT.KeyDown, e);
    }

    /** Copies the selection if there is one, else sends Ctrl+C to the guest (a terminal's usual compromise). */
    public void copyOrInterrupt() {
        if (text.getSelectionCount() > 0) {
            text.copy();
        } else {
            input.accept("\u0003");
        }
    }

    /** Types the clipboard's text into the guest. */
    public void paste() {
        Clipboard cb = new Clipboard(text.getDisplay());
        try {
            Object s = cb.getContents(TextTransfer.getInstance());
            if (s instanceof String str) {
                input.accept(str.replace("\r\n", "\r").replace('\n', '\r'));
            }
        } finally {
            cb.dispose();
        }
    }

    public String getText() {
        return text.getText();
    }

    public boolean isFocused() {
        return !text.isDisposed() && text.isFocusControl();
    }
}
