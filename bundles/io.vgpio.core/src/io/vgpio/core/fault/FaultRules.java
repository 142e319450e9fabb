package io.vgpio.core.fault;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.Event;
import io.vgpio.core.LineFaults;
import io.vgpio.core.payload.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A device's fault rules (issue 13): the list a user adds to and deletes from (control socket, configuration, a
 * Faults view), and the place the chip and the request side ask whether a fault fires. Rules are tried in the order
 * they were added; the first that fires acts, records a FAULT event (rule id, effect, line) and counts a hit.
 *
 * <p>Locking: the chip's monitor guards the list and every rule's counters, so a match, its FAULT event and the
 * chip's reaction happen in one step in the log's order. Delays and glitches run on one timer thread of their own
 * ({@link #timer()}), started when first needed.
 */
public final class FaultRules implements LineFaults, AutoCloseable {
    /** Hears about rules; for a view that lists them and a handler that holds requests for one. */
    public interface Listener {
        /** A rule was added, deleted, enabled or disabled. Called outside the chip's monitor. */
        default void rulesChanged() {
        }

        /** A rule was deleted (or cleared): what it holds (hung requests) is to be released. Outside the monitor. */
        default void ruleRemoved(FaultRule rule) {
        }

        /** A rule fired on a line (-1: a request naming none). Under the chip's monitor: keep it short. */
        default void faultInjected(FaultRule rule, int line) {
        }
    }

    private final Chip chip;
    private final List<FaultRule> rules = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private int nextId = 1;
    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    /** Rules for this chip; they take effect on its lines at once. */
    public FaultRules(Chip chip) {
        this.chip = chip;
        chip.setLineFaults(this);
    }

    public Chip chip() {
        return chip;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Installs a rule and returns its id. A stuck line takes its level now; a glitch starts pulsing. */
    public int add(FaultSpec spec) {
        FaultRule rule;
        synchronized (chip) {
            rule = new FaultRule(nextId++, spec);
            rules.add(rule);
        }
        if (!spec.onRequest()) {
            switch (spec.effect().kind()) {
                case STUCK -> chip.setInput(spec.line(), spec.effect().stuckLevel(), Cause.FAULT);
                case SPURIOUS_IRQ -> chip.faultRuleAdded(spec.line());
                case GLITCH -> new GlitchPulses(this, rule).start();
                default -> {
                }
            }
        }
        listeners.forEach(Listener::rulesChanged);
        return rule.id();
    }

    /** Deletes a rule; its hung requests are answered. @return false if no rule has this id */
    public boolean delete(int id) {
        FaultRule gone;
        synchronized (chip) {
            gone = find(id);
            if (gone == null) {
                return false;
            }
            rules.remove(gone);
            gone.markRemoved();
        }
        removed(List.of(gone));
        return true;
    }

    /** Deletes every rule. */
    public void clear() {
        List<FaultRule> gone;
        synchronized (chip) {
            gone = new ArrayList<>(rules);
            rules.clear();
            gone.forEach(FaultRule::markRemoved);
        }
        removed(gone);
    }

    private void removed(List<FaultRule> gone) {
        for (FaultRule r : gone) {
            listeners.forEach(l -> l.ruleRemoved(r));
        }
        listeners.forEach(Listener::rulesChanged);
    }

    /** Enables or disables a rule (a disabled one matches nothing). @return false if no rule has this id */
    public boolean setEnabled(int id, boolean enabled) {
        synchronized (chip) {
            FaultRule r = find(id);
            if (r == null) {
                return false;
            }
            r.enabled(enabled);
        }
        listeners.forEach(Listener::rulesChanged);
        return true;
    }

    /** The rule with this id, or null. Under the chip's monitor. */
    private FaultRule find(int id) {
        for (FaultRule r : rules) {
            if (r.id() == id) {
                return r;
            }
        }
        return null;
    }

    /** The rules in the order they were added (a copy). */
    public List<FaultRule> rules() {
        synchronized (chip) {
            return List.copyOf(rules);
        }
    }

    /**
     * The first rule for a requestq message of this type and line that fires, its FAULT recorded; null when none
     * does. Under the chip's monitor.
     *
     * @param line the line the FAULT event names (-1 for GET_LINE_NAMES)
     */
    public FaultRule requestFault(int wireType, int requestLine, int line) {
        for (FaultRule r : rules) {
            if (r.spec().matchesRequest(wireType, requestLine) && r.fire()) {
                injected(r, line);
                return r;
            }
        }
        return null;
    }

    /** The first rule with this effect on this line that fires, its FAULT recorded. Under the chip's monitor. */
    private boolean lineFault(int line, FaultEffect.Kind kind) {
        for (FaultRule r : rules) {
            if (r.spec().acts(line, kind) && r.fire()) {
                injected(r, line);
                return true;
            }
        }
        return false;
    }

    /** Records that a rule fired. Under the chip's monitor. */
    void injected(FaultRule r, int line) {
        chip.log().append(line < 0 ? Event.NO_LINE : line, new Fault(r.id(), r.spec().effect().kind()));
        for (Listener l : listeners) {
            l.faultInjected(r, line);
        }
    }

    @Override
    public boolean ignoresInput(int line) {
        return lineFault(line, FaultEffect.Kind.STUCK);
    }

    @Override
    public boolean dropsInterrupt(int line) {
        return lineFault(line, FaultEffect.Kind.DROP_IRQ);
    }

    @Override
    public boolean duplicatesInterrupt(int line) {
        return lineFault(line, FaultEffect.Kind.DUP_IRQ);
    }

    @Override
    public boolean spuriousInterrupt(int line) {
        return lineFault(line, FaultEffect.Kind.SPURIOUS_IRQ);
    }

    /**
     * The thread that answers delayed requests and pulses glitches, started on first use: timed work must not
     * sleep on the connection thread, which holds the chip.
     */
    public synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "vgpio-fault-timer");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            if (closed) {
                timer.shutdown();
            }
        }
        return timer;
    }

    /** Stops the timer: pending delays and glitches are dropped (the device is going away). */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
