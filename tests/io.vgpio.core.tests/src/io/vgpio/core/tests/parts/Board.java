package io.vgpio.core.tests.parts;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.Parts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A chip with named lines and its parts, driven as the guest would drive it (directions and values), for the parts'
 * unit tests. Lines: 0 LED, 1 BUTTON, 2 SDA, 3 SCL, 4 WIRE_A, 5 WIRE_B, 6 A, 7 B.
 */
final class Board implements AutoCloseable {
    final EventLog log = new EventLog(1 << 16);
    final Chip chip;
    final Parts parts;

    Board() throws Exception {
        this(DeviceConfig.builder().lines(8).namesList("LED,BUTTON,SDA,SCL,WIRE_A,WIRE_B,A,B").build());
    }

    /** A board from a configuration, its parts attached as a device session attaches them. */
    Board(DeviceConfig config) throws PartException {
        chip = new Chip(config, log);
        parts = new Parts(chip);
        for (var p : config.parts().entrySet()) {
            parts.add(p.getKey(), p.getValue());
        }
    }

    Part add(String name, String spec) throws PartException {
        return parts.add(name, spec);
    }

    int line(String name) {
        return chip.config().lineIndex(name);
    }

    /** What the guest reads with GET_VALUE. */
    int read(String line) {
        return chip.guestRead(line(line));
    }

    void output(String line, int value) {
        chip.guestSetValue(line(line), value);
        chip.guestSetDirection(line(line), Direction.OUT);
    }

    void input(String line) {
        chip.guestSetDirection(line(line), Direction.IN);
    }

    /** Linux's open-drain emulation on a chip without it: 1 releases the line (input), 0 drives it low. */
    void openDrain(String line, int value) {
        if (value == 1) {
            input(line);
        } else {
            output(line, 0);
        }
    }

    List<Event> events(EventKind kind) {
        List<Event> out = new ArrayList<>();
        for (long s = 0; s < log.nextSeq(); s++) {
            Event e = log.get(s);
            if (e != null && e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Waits for a condition the parts' timer thread brings about: every timed part action appends to the log, so
     * this wakes on each new event; work the timer has due now without an event (an EEPROM file save) is waited for
     * directly.
     */
    void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long next = log.nextSeq();
            parts.runDue(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (condition.getAsBoolean()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !log.awaitSeq(next, left, TimeUnit.NANOSECONDS)) {
                if (condition.getAsBoolean()) {
                    return;
                }
                throw new AssertionError("timed out waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        parts.close();
    }
}
