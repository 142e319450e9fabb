package io.vgpio.ui.console;

import org.eclipse.swt.SWT;

/**
 * What a key press sends to a serial console, as a VT100-like terminal sends it: Enter is CR (the guest's tty
 * makes it a newline), Backspace is DEL, Ctrl+letter is the control character (Ctrl+C is ETX, which the guest's
 * tty turns into SIGINT), arrows and Home/End are the escape sequences a shell's line editor understands.
 */
public final class TerminalKeys {
    private TerminalKeys() {
    }

    /** The bytes (as chars) for a key press, or null for keys the terminal leaves to the view (Page Up, F-keys). */
    public static String bytesFor(int keyCode, char character, int stateMask) {
        switch (keyCode) {
            case SWT.ARROW_UP:
                return "\u001b[A";
            case SWT.ARROW_DOWN:
                return "\u001b[B";
            case SWT.ARROW_RIGHT:
                return "\u001b[C";
            case SWT.ARROW_LEFT:
                return "\u001b[D";
            case SWT.HOME:
                return "\u001b[H";
            case SWT.END:
                return "\u001b[F";
            case SWT.DEL:
                return "\u001b[3~";
            case SWT.CR:
            case SWT.KEYPAD_CR:
                return "\r";
            case SWT.BS:
                return "\u007f";
            case SWT.ESC:
                return "\u001b";
            case SWT.TAB:
                return "\t";
            default:
                break;
        }
        if ((stateMask & SWT.CTRL) != 0) {
            char letter = Character.toLowerCase((char) keyCode);
            if (letter >= 'a' && letter <= 'z') {
                return String.valueOf((char) (letter - 'a' + 1));
            }
        }
        if (character != 0 && (keyCode & SWT.KEYCODE_BIT) == 0) {
            return String.valueOf(character);
        }
        return null;
    }
}
