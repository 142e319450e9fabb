package io.vgpio.gpiocdev.bind;

import io.vgpio.core.Chip;
import io.vgpio.core.ConfigException;
import io.vgpio.core.LineBinding;
import io.vgpio.core.control.ControlServer;
import io.vgpio.gpiocdev.GpioException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The hardware bindings of one device: which simulated lines follow or drive physical lines of Linux GPIO chips.
 * Each binding runs on its own thread; a chip going away leaves the simulated line working, is reported, and the
 * binding comes back by itself when the chip does. Thread-safe.
 */
public final class HardwareBindings implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.vgpio.hardware");

    private final Chip chip;
    private final Map<Integer, Binder> binders = new TreeMap<>();
    private final List<Consumer<BindingStatus>> listeners = new CopyOnWriteArrayList<>();

    public HardwareBindings(Chip chip) {
        this.chip = chip;
    }

    /** Hears every status change, on the binding's thread or the caller's. */
    public void addListener(Consumer<BindingStatus> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<BindingStatus> l) {
        listeners.remove(l);
    }

    /** The consumer label the physical lines carry (what gpioinfo shows): "vgpio:LINE". */
    public static String consumer(int line) {
        return "vgpio:" + line;
    }

    /**
     * Binds a line now, replacing its binding if it has one.
     *
     * @throws GpioException when the chip or line does not exist, or another consumer holds the line (named)
     */
    public BindingStatus bind(LineBinding b) throws GpioException {
        return bind(b, false);
    }

    /**
     * Binds a line; with {@code waitForChip} a missing chip or a busy line does not fail the binding: it is kept
     * (state UNPLUGGED or BUSY, reported) and taken as soon as the chip is there and the line free. This is what a
     * workbench wants when it opens a configuration before the board is plugged in.
     */
    public BindingStatus bind(LineBinding b, boolean waitForChip) throws GpioException {
        if (b.line() >= chip.lineCount()) {
            throw new GpioException("line " + b.line() + " does not exist; the device has lines 0.."
                    + (chip.lineCount() - 1));
        }
        unbind(b.line());
        Binder binder = b.mode() == LineBinding.Mode.IN ? new InputBinder(chip, b, consumer(b.line()), this::report)
                : new OutputBinder(chip, b, consumer(b.line()), this::report);
        binder.start(waitForChip);
        if (binder instanceof OutputBinder o) {
            o.follow();
        }
        synchronized (this) {
            binders.put(b.line(), binder);
        }
        return binder.status();
    }

    /** Binds every binding (see {@link #bind(LineBinding, boolean)}); returns the errors (one sentence each), empty when all are bound. */
    public List<String> bindAll(Collection<LineBinding> all, boolean waitForChip) {
        List<String> errors = new ArrayList<>();
        for (LineBinding b : all) {
            try {
                bind(b, waitForChip);
            } catch (GpioException e) {
                errors.add("line " + b.line() + " (" + b.spec() + "): " + e.getMessage());
            }
        }
        return errors;
    }

    /** Unbinds a line: the physical line is released and the simulated line goes on as it was. */
    public boolean unbind(int line) {
        Binder b;
        synchronized (this) {
            b = binders.remove(line);
        }
        if (b == null) {
            return false;
        }
        if (b instanceof OutputBinder o) {
            o.unfollow();
        }
        b.stop();
        LOG.log(Level.INFO, "line {0}: unbound from {1}; the line is simulated again", line, b.binding.target());
        return true;
    }

    /** The bindings in force, by line, e.g. to save them in a configuration. */
    public synchronized List<LineBinding> bindings() {
        List<LineBinding> all = new ArrayList<>();
        for (Binder b : binders.values()) {
            all.add(b.binding);
        }
        return all;
    }

    /** Current statuses in line order. */
    public synchronized List<BindingStatus> statuses() {
        List<BindingStatus> all = new ArrayList<>();
        for (Binder b : binders.values()) {
            all.add(b.status());
        }
        return all;
    }

    /** The status of a line's binding, or null when it is not bound. */
    public synchronized BindingStatus status(int line) {
        Binder b = binders.get(line);
        return b == null ? null : b.status();
    }

    private void report(BindingStatus s) {
        Level level = switch (s.state()) {
            case UNPLUGGED, BUSY -> Level.WARNING;
            default -> Level.INFO;
        };
        LOG.log(level, "line {0}: {1}", s.binding().line(), s.message());
        for (Consumer<BindingStatus> l : listeners) {
            l.accept(s);
        }
    }

    /**
     * Adds {@code bind LINE in|out CHIP:LINE [options]}, {@code unbind LINE} and {@code bindings} to a control
     * socket.
     */
    public void addControlCommands(ControlServer control) {
        control.addCommand("bind", "bind LINE in|out CHIP:LINE [bias=..] [active-low] [drive=..] [debounce=..]",
                args -> {
                    if (args.length < 3) {
                        return "err usage: bind LINE in|out CHIP:LINE [options]";
                    }
                    int line = chip.config().lineIndex(args[0]);
                    if (line < 0) {
                        return "err no line '" + args[0] + "'; lines are 0.." + (chip.lineCount() - 1);
                    }
                    try {
                        LineBinding b = LineBinding.parse(line, String.join(" ",
                                java.util.Arrays.copyOfRange(args, 1, args.length)), "bind");
                        return "ok " + bind(b).describe();
                    } catch (ConfigException | GpioException e) {
                        return "err " + e.getMessage();
                    }
                });
        control.addCommand("unbind", "unbind LINE", args -> {
            if (args.length != 1) {
                return "err usage: unbind LINE";
            }
            int line = chip.config().lineIndex(args[0]);
            if (line < 0) {
                return "err no line '" + args[0] + "'; lines are 0.." + (chip.lineCount() - 1);
            }
            return unbind(line) ? "ok" : "err line " + line + " is not bound";
        });
        control.addCommand("bindings", "bindings", args -> {
            List<BindingStatus> all = statuses();
            StringBuilder s = new StringBuilder("ok ").append(all.size());
            for (BindingStatus b : all) {
                s.append('\n').append(b.describe());
            }
            return s.toString();
        });
    }

    /** Unbinds everything. */
    @Override
    public void close() {
        List<Integer> lines;
        synchronized (this) {
            lines = new ArrayList<>(binders.keySet());
        }
        for (int line : lines) {
            unbind(line);
        }
    }
}
