package io.vgpio.ui.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, thread-safe buffer of text lines (the oldest go first), which any thread appends to and the console
 * view reads from its UI timer. {@link #version()} tells a reader whether anything changed. A buffer fed by a
 * terminal also has a partial line: the one being written, shown last (a shell's prompt has no newline yet).
 */
public final class ConsoleBuffer {
    /** The backend's log: connections, warnings, rule violations. */
    public static final ConsoleBuffer DEVICE = new ConsoleBuffer(5000);
    /** The serial console of a guest launched from the workbench. */
    public static final ConsoleBuffer GUEST = new ConsoleBuffer(20000);

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private String partial = "";
    private long version;

    public ConsoleBuffer(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void append(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
        version++;
    }

    /** Replaces the unfinished last line ("" for none). */
    public synchronized void setPartial(String line) {
        if (!partial.equals(line)) {
            partial = line;
            version++;
        }
    }

    public synchronized void clear() {
        lines.clear();
        version++;
    }

    public synchronized long version() {
        return version;
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** All lines joined with newlines, the partial line last. */
    public synchronized String text() {
        String complete = String.join("\n", lines);
        if (partial.isEmpty()) {
            return complete;
        }
        return complete.isEmpty() ? partial : complete + "\n" + partial;
    }
}
