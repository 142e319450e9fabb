package io.vgpio.core.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** What every part shares: its context and settings, and taking its drivers, watchers and timers away on close. */
abstract class AbstractPart implements Part {
    protected final PartContext ctx;
    private final PartSettings settings;
    private final List<Nets.Driver> drivers = new ArrayList<>();
    private final List<Runnable> unwatches = new ArrayList<>();
    private final List<Future<?>> timers = new ArrayList<>();
    /** Guards the lists only, never held while calling into the chip: a watcher may schedule under its monitor. */
    private final Object lock = new Object();
    private boolean closed;

    protected AbstractPart(PartContext ctx, PartSettings settings) {
        this.ctx = ctx;
        this.settings = settings;
    }

    @Override
    public String name() {
        return ctx.name();
    }

    @Override
    public PartType type() {
        return settings.type();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    protected Nets.Driver driver(int line) {
        Nets.Driver d = ctx.nets().driver(line, ctx.id());
        synchronized (lock) {
            drivers.add(d);
        }
        return d;
    }

    protected Nets.Driver resistor(int line, Drive pull) {
        Nets.Driver d = driver(line);
        d.drive(pull);
        return d;
    }

    protected void watch(int line, IntConsumer watcher) {
        ctx.nets().watch(line, watcher);
        synchronized (lock) {
            unwatches.add(() -> ctx.nets().unwatch(line, watcher));
        }
    }

    /** Runs a task on the parts' timer thread after a delay, unless the part is closed by then. */
    protected void later(long delayNanos, Runnable task) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            timers.removeIf(Future::isDone);
            timers.add(ctx.timer().schedule(() -> {
                if (!isClosed()) {
                    task.run();
                }
            }, delayNanos, TimeUnit.NANOSECONDS));
        }
    }

    /** Cancels every timed action not yet run. */
    protected void cancelTimers() {
        synchronized (lock) {
            timers.forEach(f -> f.cancel(false));
            timers.clear();
        }
    }

    protected boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    protected void event(int line, PartAction action, long value) {
        ctx.event(line, action, value);
    }

    protected PartException unknownProperty(String property, String known) {
        return new PartException("a " + type().word() + " has no property '" + property + "'; it has " + known);
    }

    @Override
    public void close() {
        List<Nets.Driver> d;
        List<Runnable> u;
        synchronized (lock) {
            closed = true;
            cancelTimers();
            d = List.copyOf(drivers);
            u = List.copyOf(unwatches);
        }
        u.forEach(Runnable::run);
        d.forEach(Nets.Driver::remove);
    }

    /** A part whose one property is the level of a line it drives or follows, read only. */
    protected String readOnlyLevel(String property, int line) throws PartException {
        if (property.equals("level")) {
            return Integer.toString(ctx.nets().level(line));
        }
        throw unknownProperty(property, "level (read only)");
    }

    /** The answer to setting that read-only level (or a property there is not). */
    protected PartException levelIsReadOnly(String property) {
        return property.equals("level") ? new PartException("a " + type().word() + "'s level is read only")
                : unknownProperty(property, "level (read only)");
    }

    /** A part's one 0/1 property ({@code pressed}, {@code on}, {@code running}) as text. */
    protected String flag(String property, String name, boolean value) throws PartException {
        if (!property.equals(name)) {
            throw unknownProperty(property, name);
        }
        return value ? "1" : "0";
    }

    /** The value a {@code part set} of that property gives. */
    protected boolean flagValue(String property, String name, String value) throws PartException {
        if (!property.equals(name)) {
            throw unknownProperty(property, name);
        }
        return bit(property, value) == 1;
    }

    static int bit(String property, String value) throws PartException {
        return switch (value) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new PartException(property + " must be 0 or 1, not '" + value + "'");
        };
    }
}
