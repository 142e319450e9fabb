package io.vgpio.core.breakpoint;

import io.vgpio.core.Chip;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.payload.BreakpointHit;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device's breakpoints: conditions on its event stream, each with an action. It observes the chip's log, so it
 * sees every event on the thread that appends it, under the chip's monitor, before the appender goes on: a request
 * that hits is held before it is answered, and any other event holds the device from the moment it is appended.
 * A hit is recorded as a BREAKPOINT_HIT event; {@code hold} and {@code pause-guest} then close the device's
 * {@link HeldQueues} gate, {@code pause-guest} also stops the guest ({@link GuestPause}), {@code log} goes on.
 *
 * <p>Locks: the chip's monitor, then this object's (never the other way round). The gate is only touched under the
 * chip's monitor, so a step or continue and a new hit on another thread cannot interleave.
 */
public final class Breakpoints implements EventLog.Observer {
    private static final Logger LOG = System.getLogger("io.vgpio.breakpoints");

    /** A breakpoint and its condition; guarded by this object. */
    private static final class Entry {
        final int id;
        final BreakpointSpec spec;
        final Condition condition;
        boolean enabled = true;
        long hits;

        Entry(int id, BreakpointSpec spec, int line) {
            this.id = id;
            this.spec = spec;
            this.condition = new Condition(spec, line);
        }

        Breakpoint view() {
            return new Breakpoint(id, spec, enabled, hits);
        }
    }

    private record Hit(int id, Action action, long seq, int line) {
    }

    private final Chip chip;
    private final EventLog log;
    private final List<BreakpointListener> listeners = new CopyOnWriteArrayList<>();
    /** Read without a lock by the observer's fast path: most events meet no breakpoint at all. */
    private volatile Entry[] entries = new Entry[0];
    private int nextId = 1;
    private Halt halt;
    /** The guest was stopped through QMP by this hold: continue sends cont. */
    private boolean guestPaused;
    private boolean saidNoQmp;
    private HeldQueues queues;
    private GuestPause guest;

    /** Breakpoints on a chip's event stream; nothing holds until {@link #attach} gives them the device's queues. */
    public Breakpoints(Chip chip) {
        this.chip = chip;
        this.log = chip.log();
        log.addObserver(this);
    }

    /** The device whose queues a hold stops. */
    public synchronized void attach(HeldQueues queues) {
        this.queues = queues;
    }

    /** How pause-guest stops the guest; without one (or while it is not connected) pause-guest holds only. */
    public synchronized void setGuestPause(GuestPause guest) {
        this.guest = guest;
    }

    public void addListener(BreakpointListener l) {
        listeners.add(l);
    }

    public void removeListener(BreakpointListener l) {
        listeners.remove(l);
    }

    // ---- the list ------------------------------------------------------------------------------------------

    /**
     * Installs a breakpoint.
     *
     * @return its id
     * @throws BreakpointSpecException if its line is not one of the device's (nothing is installed)
     */
    public int add(BreakpointSpec spec) throws BreakpointSpecException {
        int line = spec.resolveLine(chip.config());
        int id;
        synchronized (this) {
            id = nextId++;
            Entry[] now = java.util.Arrays.copyOf(entries, entries.length + 1);
            now[now.length - 1] = new Entry(id, spec, line);
            entries = now;
        }
        changed();
        return id;
    }

    /** Removes a breakpoint; false if there is none with that id. */
    public boolean remove(int id) {
        synchronized (this) {
            Entry[] now = java.util.Arrays.stream(entries).filter(e -> e.id != id).toArray(Entry[]::new);
            if (now.length == entries.length) {
                return false;
            }
            entries = now;
        }
        changed();
        return true;
    }

    /** Enables or disables a breakpoint; false if there is none with that id. */
    public boolean setEnabled(int id, boolean enabled) {
        synchronized (this) {
            Entry e = find(id);
            if (e == null) {
                return false;
            }
            e.enabled = enabled;
        }
        changed();
        return true;
    }

    private Entry find(int id) {
        for (Entry e : entries) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }

    /** Every breakpoint, in the order they were added. */
    public synchronized List<Breakpoint> list() {
        List<Breakpoint> all = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            all.add(e.view());
        }
        return all;
    }

    private void changed() {
        listeners.forEach(BreakpointListener::breakpointsChanged);
    }

    // ---- hits ----------------------------------------------------------------------------------------------

    @Override
    public void appended(long seq, EventKind kind, int line, long a, long b) {
        if (kind == EventKind.BREAKPOINT_HIT || entries.length == 0) {
            return;
        }
        List<Hit> hits = null;
        synchronized (this) {
            for (Entry e : entries) {
                if (e.enabled && e.condition.matches(kind, line, a, b) && ++e.hits > e.spec.ignore()) {
                    if (hits == null) {
                        hits = new ArrayList<>(1);
                    }
                    hits.add(new Hit(e.id, e.spec.action(), seq, line));
                }
            }
        }
        if (hits != null) {
            hits.forEach(this::act);
            changed();
        }
    }

    /** Records a hit and does its action; on the appending thread, outside this object's lock (see class doc). */
    private void act(Hit hit) {
        long hitSeq = log.append(hit.line(), new BreakpointHit(hit.id(), hit.action(), hit.seq()));
        if (!hit.action().holds()) {
            return;
        }
        Halt now = new Halt(hit.id(), hitSeq);
        synchronized (chip) {
            HeldQueues q;
            synchronized (this) {
                halt = now;
                q = queues;
                if (hit.action() == Action.PAUSE_GUEST) {
                    pauseGuest();
                }
                notifyAll();
            }
            if (q != null) {
                q.hold();
            }
            listeners.forEach(l -> l.halted(now)); // under the monitor, so in order with resumed()
        }
    }

    /** Under this object's lock: stops the guest, or says once that it cannot. */
    private void pauseGuest() {
        if (guest != null && guest.connected()) {
            if (!guestPaused) {
                guest.pause();
                guestPaused = true;
            }
        } else if (!saidNoQmp) {
            saidNoQmp = true;
            LOG.log(Level.WARNING, "pause-guest breakpoint: no QMP connection (serve --qmp PATH), so it holds the"
                    + " device only; the guest's vCPUs keep running");
        }
    }

    // ---- the halt ------------------------------------------------------------------------------------------

    /** The id of a {@link Halt} the user asked for ({@link #suspend}), not a breakpoint's. */
    public static final int SUSPENDED_BY_USER = 0;

    /**
     * Holds the device now, as a hit of a breakpoint would, for a debugger's Suspend: requests wait in the rings,
     * eventq completions are kept, and {@link #step}/{@link #resume} release them. Nothing is recorded in the log
     * (no breakpoint hit); the halt's id is {@link #SUSPENDED_BY_USER} and its sequence number is the last event's.
     *
     * @param pauseGuest also stop the guest's vCPUs through QMP when connected; {@link #resume} continues them
     * @return the halt: this one, or the one already holding the device
     */
    public Halt suspend(boolean pauseGuest) {
        Halt now;
        HeldQueues q;
        synchronized (chip) {
            synchronized (this) {
                if (halt != null) {
                    return halt;
                }
                now = new Halt(SUSPENDED_BY_USER, log.nextSeq() - 1);
                halt = now;
                q = queues;
                if (pauseGuest) {
                    pauseGuest();
                }
                notifyAll();
            }
            if (q != null) {
                q.hold();
            }
            listeners.forEach(l -> l.halted(now));
        }
        return now;
    }

    /** The halt holding the device, or null while it runs. */
    public synchronized Halt halted() {
        return halt;
    }

    /** Waits until the device is held (returns at once if it is); null on timeout. */
    public synchronized Halt awaitHalt(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (halt == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return halt;
    }

    /** Nothing holds the device: step and continue have nothing to do. */
    public static final class NotHalted extends Exception {
        private static final long serialVersionUID = 1L;

        NotHalted() {
            super("not halted");
        }
    }

    /**
     * Releases exactly one waiting request or eventq completion; the device stays held. A released request that
     * hits a breakpoint again is answered all the same (the hit is recorded and becomes the halt).
     *
     * @return the sequence number of the event that records the release, or -1 when nothing was waiting
     */
    public long step() throws NotHalted {
        long seq;
        HeldQueues q;
        synchronized (chip) {
            synchronized (this) {
                if (halt == null) {
                    throw new NotHalted();
                }
                q = queues;
            }
            seq = q == null ? -1 : q.releaseOne();
        }
        if (q != null) {
            q.afterRelease();
        }
        return seq;
    }

    /**
     * Releases everything and lets the device run; a guest stopped by pause-guest continues. A released message that
     * hits a breakpoint holds the device again at once.
     */
    public void resume() throws NotHalted {
        HeldQueues q;
        synchronized (chip) {
            synchronized (this) {
                if (halt == null) {
                    throw new NotHalted();
                }
                halt = null;
                q = queues;
                if (guestPaused) {
                    guestPaused = false;
                    guest.resume(); // queued before any stop a released message's new hit asks for
                }
            }
            listeners.forEach(BreakpointListener::resumed); // before a released message can halt it again
            if (q != null) {
                q.releaseAll();
            }
        }
        if (q != null) {
            q.afterRelease();
        }
    }
}
