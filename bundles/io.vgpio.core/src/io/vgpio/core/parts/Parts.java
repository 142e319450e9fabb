package io.vgpio.core.parts;

import io.vgpio.core.Chip;
import io.vgpio.core.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutionException;

/**
 * A device's simulated parts, by name, in the order they were added, with the nets they sit on and the one timer
 * thread ({@code vgpio-parts}) their timed actions share. Adding a part logs its ADDED and NAME events; deleting it
 * takes its drivers off the nets and logs REMOVED.
 */
public final class Parts implements AutoCloseable {
    private final Nets nets;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vgpio-parts");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Part> parts = new LinkedHashMap<>();
    /** Every name by id, the deleted parts' too: the log still speaks of them. */
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private int nextId;

    public Parts(Chip chip) {
        this.nets = new Nets(chip);
    }

    public Nets nets() {
        return nets;
    }

    public Chip chip() {
        return nets.chip();
    }

    /** Adds a part from a spec: {@code button line=BUTTON pull=up}. */
    public Part add(String name, String spec) throws PartException {
        return add(name, PartSpecs.parse(spec, chip().config()));
    }

    public synchronized Part add(String name, PartSettings settings) throws PartException {
        PartSpecs.checkName(name);
        if (parts.containsKey(name)) {
            throw new PartException("a part named '" + name + "' exists; 'part del " + name + "' first or choose another name");
        }
        int id = nextId++;
        names.put(id, name);
        PartContext ctx = new PartContext(name, id, nets, timer);
        ctx.nets().chip().runLocked(() -> {
            ctx.event(Event.NO_LINE, PartAction.ADDED, settings.type().wire());
            PartNames.chunks(name).forEach(c -> ctx.event(Event.NO_LINE, PartAction.NAME, c));
        });
        Part part = settings.create(ctx);
        parts.put(name, part);
        return part;
    }

    /** The part with this name, or an error naming the parts there are. */
    public synchronized Part get(String name) throws PartException {
        Part p = parts.get(name);
        if (p == null) {
            throw new PartException("no part '" + name + "'" + (parts.isEmpty() ? "; none is added"
                    : "; parts are " + String.join(", ", parts.keySet())));
        }
        return p;
    }

    public void remove(String name) throws PartException {
        Part p;
        synchronized (this) {
            p = get(name);
            parts.remove(name);
        }
        p.close();
        chip().runLocked(() -> chip().log().append(Event.NO_LINE,
                new io.vgpio.core.payload.PartEvent(idOf(p), PartAction.REMOVED, 0)));
    }

    private static int idOf(Part p) {
        return p instanceof AbstractPart a ? a.ctx.id() : -1;
    }

    /** The name of the part with this id (one deleted since too), or null. */
    public String nameOf(int id) {
        return names.get(id);
    }

    public synchronized List<Part> list() {
        return new ArrayList<>(parts.values());
    }

    /**
     * Waits until the parts' timer has run what is due now (an EEPROM file save a write queued), so that whoever
     * reads the effect next sees it. Timed actions still to come (a bounce, a clock) are not waited for.
     *
     * @return false if the timer did not get there within the timeout
     */
    public boolean runDue(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            timer.submit(() -> { }).get(timeout, unit); // one thread, due tasks in order: this one runs after them
            return true;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            runDue(2, TimeUnit.SECONDS); // an EEPROM save a last write queued is not cancelled with the timer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        list().forEach(Part::close);
    }
}
