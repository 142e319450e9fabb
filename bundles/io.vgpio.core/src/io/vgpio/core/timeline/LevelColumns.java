package io.vgpio.core.timeline;

/**
 * The level of one line over a time window cut into pixel columns: for each column the level(s) seen in it, so
 * that a burst of transitions inside one column draws as a filled block, and how many transitions it holds.
 * Column {@code c} covers {@code [columnStart(c), columnStart(c + 1))}.
 */
public final class LevelColumns {
    /** The line stayed low through the column. */
    public static final byte LOW = 0;
    /** The line stayed high through the column. */
    public static final byte HIGH = 1;
    /** Both levels were seen: at least one transition inside the column (min 0, max 1). */
    public static final byte BOTH = 2;
    /** No data: the column lies before the oldest event the log still holds. */
    public static final byte UNKNOWN = 3;

    private final int line;
    private final long t0;
    private final long t1;
    private final byte[] state;
    private final int[] transitions;
    private int startLevel;

    LevelColumns(int line, long t0, long t1, int columns) {
        this.line = line;
        this.t0 = t0;
        this.t1 = t1;
        state = new byte[columns];
        transitions = new int[columns];
    }

    void set(int column, byte s, int count) {
        state[column] = s;
        transitions[column] = count;
    }

    void startLevel(int level) {
        startLevel = level;
    }

    public int line() {
        return line;
    }

    public long t0() {
        return t0;
    }

    public long t1() {
        return t1;
    }

    public int columns() {
        return state.length;
    }

    /** {@link #LOW}, {@link #HIGH}, {@link #BOTH} or {@link #UNKNOWN}. */
    public byte state(int column) {
        return state[column];
    }

    /** Lowest level seen in the column (-1 if unknown). */
    public int min(int column) {
        byte s = state[column];
        return s == UNKNOWN ? -1 : s == HIGH ? 1 : 0;
    }

    /** Highest level seen in the column (-1 if unknown). */
    public int max(int column) {
        byte s = state[column];
        return s == UNKNOWN ? -1 : s == LOW ? 0 : 1;
    }

    /** Level changes inside the column. */
    public int transitions(int column) {
        return transitions[column];
    }

    /** The level at t0: that of the last LEVEL event before t0 (-1 if unknown). */
    public int startLevel() {
        return startLevel;
    }

    /** Total level changes in the window. */
    public int totalTransitions() {
        int n = 0;
        for (int t : transitions) {
            n += t;
        }
        return n;
    }

    public long columnStart(int column) {
        return Timeline.boundary(t0, t1, state.length, column);
    }
}
