package io.vgpio.core;

import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.DirectionChange;
import io.vgpio.core.payload.IrqTypeChange;
import io.vgpio.core.payload.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of a {@link Chip} at any moment of an event log, rebuilt from the log alone: what the schematic shows
 * for a trace scrubbed to time t. The log is read once when the history is built: a keyframe (every line's state,
 * two bytes a line) is kept every {@link #interval()} events, and a query copies the keyframe before it and
 * replays at most one interval of events forward, so it costs the same on a log of a thousand events or of
 * millions. Meant for a log that no longer grows (a trace read from a file); events appended after
 * {@link #build} are not seen.
 *
 * <p>What the log tells exactly, and so what {@link Snapshot#state} gives exactly at every event: the direction,
 * the level the guest reads, the IRQ type, whether an eventq buffer is held (armed) and whether an edge is latched.
 * The chip logs the level the guest reads, not both sides of a pin, so the output value of a line is exact while
 * the line is an output and the input level while it is not; the other side is the last value the log showed
 * (an input changed under an output line, or a SET_VALUE on an input line, leaves no event).
 *
 * <p>A log that carries the state it starts from ({@link EventLog#startState()}: a trace recorded from a running
 * device) starts there, exactly. Otherwise, before a line's first event the state is the chip's reset state (no
 * direction, no IRQ), except the level: a line's LEVEL events alternate, so before its first one the level is the
 * opposite of it. That is exact for a log that starts with the chip and the best the events can tell for a
 * recording made without a start state (trace format 1 and 2).
 *
 * <p>Immutable after {@link #build}; queries are thread-safe (they only read the log, under its lock).
 */
public final class ChipHistory {
    /** Fewest events between two keyframes; a chip with many lines gets keyframes further apart (see build). */
    public static final int MIN_INTERVAL = 4096;

    // One line's state packed into a short.
    private static final int DIR_MASK = 0x3; // Direction ordinal
    private static final int LEVEL = 1 << 2;
    private static final int INPUT = 1 << 3;
    private static final int OUTPUT = 1 << 4;
    private static final int ARMED = 1 << 5;
    private static final int LATCHED = 1 << 6;
    private static final int IRQ_SHIFT = 7; // IrqType ordinal, 3 bits
    private static final Direction[] DIRECTIONS = Direction.values();
    private static final IrqType[] IRQ_TYPES = IrqType.values();

    private final DeviceConfig config;
    private final EventLog log;
    private final int lines;
    private final long firstSeq;
    private final long endSeq;
    private final int interval;
    /** keyframes[k]: every line's state before event firstSeq + k * interval. */
    private final short[][] keyframes;
    private final boolean[] keyConnected;
    private final Snapshot last;

    private ChipHistory(DeviceConfig config, EventLog log, long firstSeq, long endSeq, int interval,
            short[][] keyframes, boolean[] keyConnected, short[] end, boolean endConnected) {
        this.config = config;
        this.log = log;
        this.lines = config.lines();
        this.firstSeq = firstSeq;
        this.endSeq = endSeq;
        this.interval = interval;
        this.keyframes = keyframes;
        this.keyConnected = keyConnected;
        this.last = new Snapshot(endSeq, end, endConnected);
    }

    /**
     * Reads the log once (two passes) and keeps its keyframes: about half a byte an event at most.
     */
    public static ChipHistory build(DeviceConfig config, EventLog log) {
        return build(config, log, log.startState());
    }

    /**
     * As {@link #build(DeviceConfig, EventLog)}, starting from a known state (a recording's snapshot: exact for
     * every line from the first instant on) instead of the chip's reset state.
     *
     * @param start the state before the log's first event, or null to infer it as described above
     */
    public static ChipHistory build(DeviceConfig config, EventLog log, DeviceState start) {
        int n = config.lines();
        int interval = (int) Math.min(1 << 24, Math.max(MIN_INTERVAL, 4L * n));
        long first = log.firstSeq();
        long end = log.nextSeq();

        short[] state = new short[n];
        boolean connected = false;
        if (start != null) {
            for (LineState s : start.lines()) {
                if (s.line() >= 0 && s.line() < n) {
                    state[s.line()] = pack(s);
                }
            }
            connected = start.frontendAttached();
        } else {
            inferFirstLevels(log, first, end, state);
        }

        // Keyframes.
        int count = (int) ((end - first + interval - 1) / interval);
        short[][] keys = new short[Math.max(1, count)][];
        boolean[] keyConnected = new boolean[keys.length];
        Replayer r = new Replayer(state, connected);
        keys[0] = state.clone();
        keyConnected[0] = connected;
        for (int k = 1; k < count; k++) {
            long from = first + (long) (k - 1) * interval;
            log.read(from, interval, r);
            keys[k] = r.state.clone();
            keyConnected[k] = r.connected;
        }
        if (count > 0) {
            long from = first + (long) (count - 1) * interval;
            log.read(from, (int) (end - from), r);
        }
        return new ChipHistory(config, log, first, end, interval, keys, keyConnected, r.state, r.connected);
    }

    /** Without a known start: the level of each line before its first LEVEL event is the opposite of that one's. */
    private static void inferFirstLevels(EventLog log, long first, long end, short[] state) {
        int n = state.length;
        boolean[] seen = new boolean[n];
        log.read(first, (int) Math.min(Integer.MAX_VALUE, end - first), (seq, t, kind, line, a, b) -> {
            if (kind == EventKind.LEVEL && line >= 0 && line < n && !seen[line]) {
                seen[line] = true;
                if ((Level.of(a, b).level() & 1) == 0) {
                    state[line] = (short) (LEVEL | INPUT);
                }
            }
        });
    }

    /** One line's state packed as the keyframes keep it. */
    private static short pack(LineState s) {
        int p = s.direction().ordinal() | s.irqType().ordinal() << IRQ_SHIFT;
        p |= s.level() != 0 ? LEVEL : 0;
        p |= s.inputLevel() != 0 ? INPUT : 0;
        p |= s.outputValue() != 0 ? OUTPUT : 0;
        p |= s.armed() ? ARMED : 0;
        p |= s.latched() ? LATCHED : 0;
        return (short) p;
    }

    public DeviceConfig config() {
        return config;
    }

    public EventLog log() {
        return log;
    }

    /** Events between two keyframes: a query replays fewer than this many. */
    public int interval() {
        return interval;
    }

    /** Number of keyframes kept. */
    public int keyframes() {
        return keyframes.length;
    }

    /** The sequence number after the last event the history covers. */
    public long endSeq() {
        return endSeq;
    }

    /** The state after every event the log held when the history was built. */
    public Snapshot last() {
        return last;
    }

    /** The state after every event stamped at or before {@code timeNanos} (the log's clock). */
    public Snapshot at(long timeNanos) {
        long seq = timeNanos == Long.MAX_VALUE ? endSeq : log.seqAtOrAfter(timeNanos + 1);
        return before(seq);
    }

    /** The state after the events before sequence number {@code seq} (clamped to the covered events). */
    public Snapshot before(long seq) {
        seq = Math.max(firstSeq, Math.min(endSeq, seq));
        if (seq == endSeq) {
            return last;
        }
        int k = (int) ((seq - firstSeq) / interval);
        Replayer r = new Replayer(keyframes[k].clone(), keyConnected[k]);
        long from = firstSeq + (long) k * interval;
        if (seq > from) {
            log.read(from, (int) (seq - from), r);
        }
        return new Snapshot(seq, r.state, r.connected);
    }

    /** Applies events to packed states, as the chip changed its own on the way. */
    private static final class Replayer implements EventLog.Reader {
        final short[] state;
        boolean connected;

        Replayer(short[] state, boolean connected) {
            this.state = state;
            this.connected = connected;
        }

        @Override
        public void accept(long seq, long timeNanos, EventKind kind, int line, long a, long b) {
            if (kind == EventKind.CONNECTION) {
                connected = ConnectionChange.of(a, b).connected();
                return;
            }
            if (line < 0 || line >= state.length) {
                return;
            }
            int s = state[line];
            switch (kind) {
                case LEVEL -> {
                    int bit = (s & DIR_MASK) == Direction.OUT.ordinal() ? OUTPUT : INPUT;
                    s = (Level.of(a, b).level() & 1) != 0 ? s | LEVEL | bit : s & ~(LEVEL | bit);
                }
                case DIRECTION -> {
                    Direction d = DirectionChange.of(a, b).direction();
                    if (d != null) {
                        // The level now read is the new side's until a LEVEL event says otherwise.
                        int bit = d == Direction.OUT ? OUTPUT : INPUT;
                        s = (s & LEVEL) != 0 ? s | bit : s & ~bit;
                        s = (s & ~DIR_MASK) | d.ordinal();
                        if (d == Direction.NONE) {
                            s &= ~(OUTPUT | ARMED | LATCHED | (0x7 << IRQ_SHIFT)); // released
                        }
                    }
                }
                case IRQ_TYPE -> {
                    IrqType t = IrqTypeChange.of(a, b).irqType();
                    if (t != null) {
                        s = (s & ~(LATCHED | (0x7 << IRQ_SHIFT))) | t.ordinal() << IRQ_SHIFT;
                        if (t == IrqType.NONE) {
                            s &= ~ARMED;
                        }
                    }
                }
                case EVENT_BUFFER -> s |= ARMED;
                case EDGE_LATCHED -> s |= LATCHED;
                case INTERRUPT -> s &= ~(ARMED | LATCHED);
                case BUFFER_INVALID -> {
                    EventKind.InvalidReason why = BufferInvalid.of(a, b).reason();
                    if (why == EventKind.InvalidReason.DISABLED || why == EventKind.InvalidReason.RELEASED) {
                        s &= ~ARMED; // the held buffer went back; other reasons refuse a new one
                    }
                }
                default -> {
                    return;
                }
            }
            state[line] = (short) s;
        }
    }

    /** The chip at one point of the log: every line's state and whether a frontend was connected. */
    public final class Snapshot {
        private final long seq;
        private final short[] state;
        private final boolean connected;

        private Snapshot(long seq, short[] state, boolean connected) {
            this.seq = seq;
            this.state = state;
            this.connected = connected;
        }

        /** The sequence number of the first event not applied. */
        public long seq() {
            return seq;
        }

        /** True if a frontend (QEMU) was connected, as far as the log's CONNECTION events tell. */
        public boolean connected() {
            return connected;
        }

        public LineState state(int line) {
            int s = state[line];
            Direction d = DIRECTIONS[s & DIR_MASK];
            int level = (s & LEVEL) != 0 ? 1 : 0;
            return new LineState(line, config.name(line), d, (s & OUTPUT) != 0 ? 1 : 0, (s & INPUT) != 0 ? 1 : 0,
                    level, IRQ_TYPES[(s >> IRQ_SHIFT) & 0x7], (s & ARMED) != 0, (s & LATCHED) != 0);
        }

        /** The states of lines 0 to max - 1 (all lines if the chip has fewer). */
        public List<LineState> states(int max) {
            int n = Math.min(max, lines);
            List<LineState> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(state(i));
            }
            return all;
        }

        public List<LineState> states() {
            return states(lines);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot other && other.connected == connected && Arrays.equals(other.state, state);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(state) * 31 + (connected ? 1 : 0);
        }
    }
}
