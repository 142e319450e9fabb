package io.vgpio.core;

import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.DirectionChange;
import io.vgpio.core.payload.EdgeLatched;
import io.vgpio.core.payload.EventBuffer;
import io.vgpio.core.payload.HwEdge;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.IrqTypeChange;
import io.vgpio.core.payload.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The GPIO chip: its lines and their interrupt state machine, as the released virtio-gpio specification defines it.
 * The chip knows nothing of virtqueues: an eventq buffer is an opaque token, and returning it is left to the
 * {@link InterruptSink}. All methods are thread-safe; they run under the chip's monitor, which also guards the
 * sink, so a transport can complete buffers from any thread that changes a line. The sink wakes the driver only
 * after the monitor is released: a peer that blocks that wake-up must not hold every other user of the chip.
 */
public final class Chip {
    /** Sentinel for "no buffer held". */
    public static final long NO_TOKEN = -1;

    /**
     * Returns eventq buffers to the driver. {@link #complete} runs with the chip's monitor held, so it must not do
     * I/O that can block (a peer's descriptor can); it notes what to do and {@link #unlocked} does it.
     */
    public interface InterruptSink {
        /**
         * @param token the token given to {@link Chip#queueEventBuffer}
         * @param valid true for VIRTIO_GPIO_IRQ_STATUS_VALID, false for INVALID
         */
        void complete(int line, long token, boolean valid);

        /**
         * As {@link #complete(int, long, boolean)}, with the sequence number of the INTERRUPT or BUFFER_INVALID
         * event that records it (a device that holds the completion back reports it when it lets it go).
         */
        default void complete(int line, long token, boolean valid, long seq) {
            complete(line, token, valid);
        }

        /**
         * Called after an outside stimulus ({@link Chip#setInput}, {@link Chip#hardwareEdge}) released the chip's
         * monitor, on the same thread: the place to wake the driver for buffers completed under it.
         */
        default void unlocked() {
        }
    }

    /**
     * Hears what the guest drives: called after SET_VALUE, SET_DIRECTION and a reset, with the chip's monitor held
     * (so calls arrive in the order the guest made them). Keep it short; it must not call back into other chips.
     */
    public interface OutputListener {
        /** @param value the output value the guest set (meaningful when direction is OUT) */
        void outputChanged(int line, Direction direction, int value);
    }

    /**
     * Hears every change of the level the guest reads, whatever its cause (the simulated parts watch lines through
     * it). Called under the chip's monitor, right after the LEVEL event is logged; keep it short.
     */
    public interface LevelListener {
        void levelChanged(int line, int level, Cause cause);
    }

    private final List<OutputListener> outputListeners = new CopyOnWriteArrayList<>();
    private final List<LevelListener> levelListeners = new CopyOnWriteArrayList<>();
    private final DeviceConfig config;
    private final EventLog log;
    /** Whether a frontend is connected, as the last CONNECTION event says. */
    private boolean frontendAttached;
    private final int n;
    private final Direction[] direction;
    private final int[] outputValue;
    private final int[] inputLevel;
    private final int[] lastLevel;
    private final IrqType[] irqType;
    private final long[] heldToken;
    private final boolean[] latched;
    private final long[] triggerNanos;
    private final boolean[] valueSet;
    /** An interrupt a fault duplicated, reported again on the next buffer armed for the line. */
    private final boolean[] duplicatePending;
    private LineFaults faults = LineFaults.NONE;
    private volatile InterruptSink sink = (line, token, valid) -> {
    };

    public Chip(DeviceConfig config, EventLog log) {
        this.config = config;
        this.log = log;
        n = config.lines();
        direction = new Direction[n];
        outputValue = new int[n];
        inputLevel = new int[n];
        lastLevel = new int[n];
        irqType = new IrqType[n];
        heldToken = new long[n];
        latched = new boolean[n];
        triggerNanos = new long[n];
        valueSet = new boolean[n];
        duplicatePending = new boolean[n];
        for (int i = 0; i < n; i++) {
            direction[i] = Direction.NONE;
            irqType[i] = IrqType.NONE;
            heldToken[i] = NO_TOKEN;
        }
    }

    public DeviceConfig config() {
        return config;
    }

    public EventLog log() {
        return log;
    }

    public int lineCount() {
        return n;
    }

    public synchronized void setInterruptSink(InterruptSink sink) {
        this.sink = sink;
    }

    /** Installs the fault rules the chip asks at its inputs and interrupts ({@link LineFaults#NONE}: none). */
    public synchronized void setLineFaults(LineFaults faults) {
        this.faults = faults;
    }

    /**
     * A fault rule for this line was added: a buffer already held may have to complete at once (a spurious
     * interrupt), as one armed later would.
     */
    public void faultRuleAdded(int line) {
        synchronized (this) {
            if (heldToken[line] != NO_TOKEN && faults.spuriousInterrupt(line)) {
                deliverNow(line, System.nanoTime());
            }
        }
        afterUnlock();
    }

    public void addOutputListener(OutputListener l) {
        outputListeners.add(l);
    }

    public void removeOutputListener(OutputListener l) {
        outputListeners.remove(l);
    }

    public void addLevelListener(LevelListener l) {
        levelListeners.add(l);
    }

    private void outputChanged(int line) {
        for (OutputListener l : outputListeners) {
            l.outputChanged(line, direction[line], outputValue[line]);
        }
    }

    // ---- what the guest does -------------------------------------------------------------------------------

    /** The level the guest reads with GET_VALUE. */
    public synchronized int guestRead(int line) {
        return direction[line] == Direction.OUT ? outputValue[line] : inputLevel[line];
    }

    public synchronized Direction direction(int line) {
        return direction[line];
    }

    public synchronized IrqType irqType(int line) {
        return irqType[line];
    }

    /** True if SET_VALUE was received since the line was last released. */
    public synchronized boolean valueSetSinceRelease(int line) {
        return valueSet[line];
    }

    public synchronized void guestSetValue(int line, int value) {
        outputValue[line] = value;
        valueSet[line] = true;
        levelMayHaveChanged(line, Cause.GUEST);
        outputChanged(line);
    }

    /** SET_DIRECTION. NONE releases the line: every piece of guest state goes, and a held buffer is returned. */
    public synchronized void guestSetDirection(int line, Direction d) {
        if (d == Direction.NONE) {
            release(line, true);
        } else if (direction[line] != d) {
            direction[line] = d;
            log.append(line, new DirectionChange(d));
        }
        levelMayHaveChanged(line, Cause.GUEST);
        outputChanged(line);
    }

    private void release(int line, boolean returnBuffer) {
        latched[line] = false;
        duplicatePending[line] = false;
        long token = heldToken[line];
        heldToken[line] = NO_TOKEN;
        if (token != NO_TOKEN && returnBuffer) {
            returnInvalid(line, token, EventKind.InvalidReason.RELEASED);
        }
        if (irqType[line] != IrqType.NONE) {
            irqType[line] = IrqType.NONE;
            log.append(line, new IrqTypeChange(IrqType.NONE));
        }
        if (direction[line] != Direction.NONE) {
            direction[line] = Direction.NONE;
            log.append(line, new DirectionChange(Direction.NONE));
        }
        outputValue[line] = 0;
        valueSet[line] = false;
    }

    /** SET_IRQ_TYPE: enables (any type but NONE) or disables (NONE) the interrupt. */
    public synchronized void guestSetIrqType(int line, IrqType type) {
        IrqType old = irqType[line];
        if (old == type) {
            return;
        }
        irqType[line] = type;
        log.append(line, new IrqTypeChange(type));
        // Edges are latched from the moment the interrupt is enabled; a change of type starts afresh.
        latched[line] = false;
        if (type == IrqType.NONE) {
            long token = heldToken[line];
            if (token != NO_TOKEN) {
                heldToken[line] = NO_TOKEN;
                returnInvalid(line, token, EventKind.InvalidReason.DISABLED);
            }
        } else if (type.isLevel() && heldToken[line] != NO_TOKEN && type.activeAt(inputLevel[line])
                && direction[line] != Direction.OUT) {
            deliver(line, System.nanoTime());
        }
    }

    /**
     * The guest queued an eventq buffer pair for a line (unmasking its interrupt). Depending on the line's state the
     * buffer is held, returned VALID at once (latched edge, active level) or returned INVALID.
     */
    public synchronized void queueEventBuffer(int line, long token) {
        if (heldToken[line] != NO_TOKEN) {
            returnInvalid(line, token, EventKind.InvalidReason.DUPLICATE);
            return;
        }
        if (irqType[line] == IrqType.NONE) {
            returnInvalid(line, token, EventKind.InvalidReason.NOT_ENABLED);
            return;
        }
        heldToken[line] = token;
        log.append(line, new EventBuffer(token));
        IrqType t = irqType[line];
        if (duplicatePending[line]) {
            duplicatePending[line] = false;
            deliverNow(line, System.nanoTime()); // the interrupt a fault reports twice
        } else if (t.isEdge() && latched[line]) {
            deliver(line, triggerNanos[line]);
        } else if (t.isLevel() && t.activeAt(inputLevel[line]) && direction[line] != Direction.OUT) {
            deliver(line, System.nanoTime());
        } else if (faults.spuriousInterrupt(line)) {
            deliverNow(line, System.nanoTime());
        }
    }

    // ---- what the outside world does -----------------------------------------------------------------------

    /** Drives the input level of a line (a switch, a script, a replayed trace, a bound physical pin). */
    public void setInput(int line, int level, Cause cause) {
        setInput(line, level, cause, System.nanoTime());
    }

    /** As {@link #setInput(int, int, Cause)} with the time the change happened (e.g. a kernel edge timestamp). */
    public void setInput(int line, int level, Cause cause, long whenNanos) {
        synchronized (this) {
            applyInput(line, level, cause, whenNanos);
        }
        afterUnlock();
    }

    /**
     * Runs a change of several lines under the chip's monitor, as one step (the nets of simulated parts resolve
     * and apply their levels this way), then lets the sink wake the driver once the monitor is released.
     */
    public void runLocked(Runnable change) {
        synchronized (this) {
            change.run();
        }
        afterUnlock();
    }

    /** Lets the sink do its I/O once this thread holds the monitor no more (a nested call leaves it to the outer). */
    private void afterUnlock() {
        if (!Thread.holdsLock(this)) {
            sink.unlocked();
        }
    }

    private void applyInput(int line, int level, Cause cause, long whenNanos) {
        int old = inputLevel[line];
        if (old == level) {
            return;
        }
        if (cause != Cause.FAULT && faults.ignoresInput(line)) {
            return; // stuck: the stimulus is lost, as on a shorted pin
        }
        inputLevel[line] = level;
        levelMayHaveChanged(line, cause, whenNanos);
        if (direction[line] == Direction.OUT) {
            return; // the guest drives the pin; what the outside does is not an interrupt source
        }
        IrqType t = irqType[line];
        if (t.triggersOnEdge(old, level)) {
            if (heldToken[line] != NO_TOKEN) {
                deliver(line, whenNanos);
            } else if (!latched[line]) {
                latched[line] = true;
                triggerNanos[line] = whenNanos;
                log.append(line, new EdgeLatched(level));
            }
        } else if (t.activeAt(level) && heldToken[line] != NO_TOKEN) {
            deliver(line, whenNanos);
        }
    }

    /**
     * An edge reported by a bound physical line: logged as {@link EventKind#HW_EDGE} with how long ago the kernel
     * saw it (so the record's time minus that is the kernel's timestamp),
     * then applied as an input change caused by {@link Cause#HARDWARE} stamped with that time, so an interrupt's
     * latency counts from the kernel's edge.
     *
     * @param kernelNanos the event's CLOCK_MONOTONIC timestamp (the clock of {@link System#nanoTime()})
     */
    public void hardwareEdge(int line, int level, long kernelNanos) {
        synchronized (this) {
            long now = System.nanoTime();
            log.append(now, line, new HwEdge(level, Math.max(0, now - kernelNanos)));
            applyInput(line, level, Cause.HARDWARE, kernelNanos);
        }
        afterUnlock();
    }

    public synchronized int inputLevel(int line) {
        return inputLevel[line];
    }

    /**
     * The frontend went away or stopped its queues: held buffers belong to rings that no longer exist and are
     * dropped without being returned, and the guest's view of every line starts afresh. Input levels, which the
     * user set, are kept.
     */
    public synchronized void resetGuestState() {
        for (int i = 0; i < n; i++) {
            release(i, false);
            levelMayHaveChanged(i, Cause.GUEST);
            outputChanged(i);
        }
    }

    // ---- snapshots -----------------------------------------------------------------------------------------

    public synchronized LineState state(int line) {
        return new LineState(line, config.name(line), direction[line], outputValue[line], inputLevel[line],
                guestRead(line), irqType[line], heldToken[line] != NO_TOKEN, latched[line]);
    }

    public synchronized List<LineState> states() {
        List<LineState> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(state(i));
        }
        return all;
    }

    /**
     * Every line's state together with the log's position and the time, taken under the chip's monitor: every
     * event the chip logged before it is reflected in the state and has a lower sequence number, every later one a
     * sequence number from {@link DeviceState#seq()} on. A recording started from it neither loses nor doubles an
     * event. Hold the chip's monitor around this call to read other state (the driver's features) at the same
     * moment.
     */
    public synchronized DeviceState snapshot() {
        return new DeviceState(log.nextSeq(), System.nanoTime(), states(), frontendAttached, 0, List.of());
    }

    /**
     * A guest's frontend connected or left. Logged under the monitor, as every other change, so a snapshot and the
     * log agree on it without reading the log back.
     */
    public synchronized void frontendChanged(boolean attached) {
        frontendAttached = attached;
        log.append(Event.NO_LINE, new ConnectionChange(attached));
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /** An interrupt the line's state calls for, unless a fault drops it (or reports it twice). */
    private void deliver(int line, long sinceNanos) {
        if (faults.dropsInterrupt(line)) {
            latched[line] = false;
            return;
        }
        if (faults.duplicatesInterrupt(line)) {
            duplicatePending[line] = true;
        }
        deliverNow(line, sinceNanos);
    }

    private void deliverNow(int line, long sinceNanos) {
        long token = heldToken[line];
        heldToken[line] = NO_TOKEN;
        latched[line] = false;
        long seq = log.append(line, new Interrupt(inputLevel[line], Math.max(0, System.nanoTime() - sinceNanos)));
        sink.complete(line, token, true, seq);
    }

    private void returnInvalid(int line, long token, EventKind.InvalidReason reason) {
        long seq = log.append(line, new BufferInvalid(reason, token));
        sink.complete(line, token, false, seq);
    }

    private void levelMayHaveChanged(int line, Cause cause) {
        levelMayHaveChanged(line, cause, System.nanoTime());
    }

    /** Logs a change of the level the guest reads, stamped with when it happened (e.g. a kernel edge time). */
    private void levelMayHaveChanged(int line, Cause cause, long whenNanos) {
        int level = guestRead(line);
        if (level != lastLevel[line]) {
            lastLevel[line] = level;
            log.append(whenNanos, line, new Level(level, cause));
            for (LevelListener l : levelListeners) {
                l.levelChanged(line, level, cause);
            }
        }
    }
}
