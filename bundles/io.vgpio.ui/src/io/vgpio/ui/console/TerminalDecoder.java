package io.vgpio.ui.console;

import java.util.function.Consumer;

/**
 * Turns a serial console's character stream into plain lines, the way a terminal would show them: {@code \r}
 * returns to the line's start, backspace and the cursor movements a shell's line editor uses move within the line,
 * "erase in line" erases, and every other escape sequence (colours, cursor position queries, titles) is dropped.
 * The guest's shell redraws its line with these while the user types and edits, so without them the console would
 * show the keystrokes' residue instead of the command line. Lines are handed to a {@link ConsoleBuffer}: complete
 * ones as they end, the one being written as the buffer's partial line (a prompt has no newline yet).
 * Not thread-safe: one reader thread feeds it.
 */
public final class TerminalDecoder {
    private static final int TAB = 8;

    private enum State { TEXT, ESCAPE, CHARSET, CSI, OSC, OSC_ESCAPE }

    private final ConsoleBuffer buffer;
    private final Consumer<String> lineListener;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder params = new StringBuilder();
    private int cursor;
    private State state = State.TEXT;

    public TerminalDecoder(ConsoleBuffer buffer) {
        this(buffer, l -> { });
    }

    /** @param lineListener hears each complete line after the buffer got it (e.g. to follow a boot's progress) */
    public TerminalDecoder(ConsoleBuffer buffer, Consumer<String> lineListener) {
        this.buffer = buffer;
        this.lineListener = lineListener;
    }

    /** Decodes a chunk of console output; the buffer's partial line shows the unfinished line afterwards. */
    public void feed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            accept(text.charAt(i));
        }
        buffer.setPartial(line.toString());
    }

    /** Ends the unfinished line, if any (the guest stopped). */
    public void finish() {
        if (!line.isEmpty()) {
            newLine();
        }
        buffer.setPartial("");
    }

    private void accept(char c) {
        switch (state) {
            case TEXT -> text(c);
            case ESCAPE -> escape(c);
            case CHARSET -> state = State.TEXT; // ESC ( B and the like: the designator is dropped
            case CSI -> csi(c);
            case OSC -> {
                if (c == '\u0007') {
                    state = State.TEXT;
                } else if (c == '\u001b') {
                    state = State.OSC_ESCAPE;
                }
            }
            case OSC_ESCAPE -> state = c == '\\' ? State.TEXT : State.OSC;
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void text(char c) {
        switch (c) {
            case '\n' -> newLine();
            case '\r' -> cursor = 0;
            case '\b' -> cursor = Math.max(0, cursor - 1);
            case '\t' -> cursor = (cursor / TAB + 1) * TAB;
            case '\u001b' -> state = State.ESCAPE;
            default -> {
                if (c >= ' ' && c != '\u007f') {
                    put(c);
                }
            }
        }
    }

    private void escape(char c) {
        switch (c) {
            case '[' -> {
                params.setLength(0);
                state = State.CSI;
            }
            case ']' -> state = State.OSC;
            case '(', ')', '*', '+', '#' -> state = State.CHARSET;
            default -> state = State.TEXT; // ESC 7, ESC 8, ESC c, ...: nothing a line shows
        }
    }

    private void csi(char c) {
        if (c < '@' || c > '~') {
            params.append(c);
            return;
        }
        state = State.TEXT;
        int n = Math.max(1, firstParameter(0));
        switch (c) {
            case 'C' -> cursor += n;
            case 'D' -> cursor = Math.max(0, cursor - n);
            case 'G' -> cursor = n - 1;
            case 'K' -> eraseInLine(firstParameter(0));
            case 'P' -> line.delete(Math.min(cursor, line.length()), Math.min(cursor + n, line.length()));
            case '@' -> {
                if (cursor < line.length()) {
                    line.insert(cursor, " ".repeat(n));
                }
            }
            default -> {
                // colours (m), cursor position queries (n), screen erase (J), modes (h, l): not shown in lines
            }
        }
    }

    private int firstParameter(int absent) {
        String p = params.toString();
        int end = p.indexOf(';');
        String first = (end < 0 ? p : p.substring(0, end)).replace("?", "");
        if (first.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(first);
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    private void eraseInLine(int mode) {
        switch (mode) {
            case 0 -> line.setLength(Math.min(cursor, line.length()));
            case 1 -> {
                for (int i = 0; i < Math.min(cursor + 1, line.length()); i++) {
                    line.setCharAt(i, ' ');
                }
            }
            default -> line.setLength(0);
        }
    }

    private void put(char c) {
        while (line.length() < cursor) {
            line.append(' ');
        }
        if (cursor < line.length()) {
            line.setCharAt(cursor, c);
        } else {
            line.append(c);
        }
        cursor++;
    }

    private void newLine() {
        String complete = stripTrailingBlanks(line);
        buffer.setPartial(""); // it became this complete line
        buffer.append(complete);
        lineListener.accept(complete);
        line.setLength(0);
        cursor = 0;
    }

    private static String stripTrailingBlanks(CharSequence s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.subSequence(0, end).toString();
    }
}
