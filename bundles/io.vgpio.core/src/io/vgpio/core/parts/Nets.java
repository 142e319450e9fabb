package io.vgpio.core.parts;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.Direction;
import io.vgpio.core.payload.Contention;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The chip's lines as nets: the lines that simulated parts drive or watch. The chip itself is untouched: a net
 * resolves its outside drivers (parts, resistors) and hands the result to {@link Chip#setInput} with cause
 * {@link Cause#PART}; the guest's own drive arrives through the chip's output listener. A line no part touches has
 * no net and behaves exactly as before.
 *
 * <p>Everything here runs under the chip's monitor (the output listener is called under it; parts drive through
 * {@link Chip#runLocked}), so the order of the log is the order of the nets. A change settles at once, before the
 * guest's request that caused it is answered: an I2C part hears SCL fall and pulls SDA low for its ACK before the
 * guest can read SDA. Watchers that drive other nets in turn are settled in the same loop, not recursively.
 */
public final class Nets implements Chip.OutputListener, Chip.LevelListener {
    private final Chip chip;
    private final Map<Integer, Net> nets = new HashMap<>();
    private final Map<Integer, List<IntConsumer>> watchers = new HashMap<>();
    private final Map<Integer, Integer> seen = new HashMap<>();
    private final Map<Integer, Boolean> contended = new HashMap<>();
    private final ArrayDeque<Integer> unsettled = new ArrayDeque<>();
    private boolean settling;
    private int nextDriverId;

    public Nets(Chip chip) {
        this.chip = chip;
        chip.addOutputListener(this);
        chip.addLevelListener(this);
    }

    public Chip chip() {
        return chip;
    }

    /** A new driver on a line, released until told otherwise. */
    public Driver driver(int line, int ownerPartId) {
        synchronized (chip) {
            return new Driver(line, nextDriverId++, ownerPartId);
        }
    }

    /**
     * Calls {@code watcher} with the line's level (the one the guest reads) whenever it changes, under the chip's
     * monitor. It must be quick and never wait for another thread.
     */
    public void watch(int line, IntConsumer watcher) {
        chip.runLocked(() -> {
            watchers.computeIfAbsent(line, l -> new ArrayList<>()).add(watcher);
            seen.putIfAbsent(line, chip.guestRead(line));
        });
    }

    public void unwatch(int line, IntConsumer watcher) {
        chip.runLocked(() -> {
            List<IntConsumer> w = watchers.get(line);
            if (w != null && w.remove(watcher) && w.isEmpty()) {
                watchers.remove(line);
                seen.remove(line);
            }
        });
    }

    /** The level of a line as the guest reads it and the parts see it. */
    public int level(int line) {
        return chip.guestRead(line);
    }

    @Override
    public void outputChanged(int line, Direction direction, int value) {
        enqueue(line); // under the chip's monitor already
    }

    /**
     * A level changed by someone outside the nets: the user's {@code set}, a stimulus, a replay, a bound physical
     * line. The watchers hear it (a wire follows a line bound to hardware); the net is not resolved again, so the
     * level holds until a driver of the net changes, as a {@code set} always has.
     */
    @Override
    public void levelChanged(int line, int level, Cause cause) {
        if (cause != Cause.PART && cause != Cause.GUEST && seen.containsKey(line)) {
            enqueue(-1 - line);
        }
    }

    /**
     * Queues a line to resolve (or, as -1 - line, only to tell its watchers) and works the queue off: everything the
     * watchers change in turn settles in this loop, not recursively. Call under the chip's monitor.
     */
    private void enqueue(int item) {
        unsettled.add(item);
        if (settling) {
            return;
        }
        settling = true;
        try {
            while (!unsettled.isEmpty()) {
                int next = unsettled.poll();
                if (next < 0) {
                    tellWatchers(-1 - next);
                } else {
                    settle(next);
                }
            }
        } finally {
            settling = false;
        }
    }

    private void settle(int line) {
        Net net = nets.get(line);
        if (net != null) {
            Drive guest = chip.direction(line) == Direction.OUT
                    ? Drive.pushPull(chip.state(line).outputValue()) : Drive.RELEASED;
            Net.Resolution r = net.resolve(guest, chip.inputLevel(line));
            boolean was = contended.getOrDefault(line, false);
            if (r.contention() && !was) {
                chip.log().append(line, new Contention(Contention.driverOf(r.highOwner()),
                        Contention.driverOf(r.lowOwner())));
            }
            contended.put(line, r.contention());
            chip.setInput(line, r.outsideLevel(), Cause.PART);
        }
        tellWatchers(line);
    }

    private void tellWatchers(int line) {
        Integer before = seen.get(line);
        if (before == null) {
            return;
        }
        int now = chip.guestRead(line);
        if (now != before) {
            seen.put(line, now);
            for (IntConsumer w : List.copyOf(watchers.getOrDefault(line, List.of()))) {
                w.accept(now);
            }
        }
    }

    /** True while strong drivers of the line disagree. */
    public boolean inContention(int line) {
        synchronized (chip) {
            return contended.getOrDefault(line, false);
        }
    }

    /** One driver's handle on one net: a part's pin, or a resistor. */
    public final class Driver {
        private final int line;
        private final int id;
        private final int owner;
        private Drive drive = Drive.RELEASED;

        private Driver(int line, int id, int owner) {
            this.line = line;
            this.id = id;
            this.owner = owner;
        }

        public int line() {
            return line;
        }

        /** Drives the net, which settles at once (under the chip's monitor, from any thread). */
        public void drive(Drive d) {
            chip.runLocked(() -> {
                if (d == drive && nets.containsKey(line)) {
                    return;
                }
                drive = d;
                nets.computeIfAbsent(line, l -> new Net()).set(id, owner, d);
                enqueue(line);
            });
        }

        public Drive drive() {
            synchronized (chip) {
                return drive;
            }
        }

        /** Takes this driver off its net; a net left with none goes back to a plain line. */
        public void remove() {
            chip.runLocked(() -> {
                Net net = nets.get(line);
                if (net != null) {
                    net.remove(id);
                    enqueue(line);
                    if (net.isEmpty()) {
                        nets.remove(line);
                        contended.remove(line);
                    }
                }
            });
        }
    }
}
