package io.vgpio.core.parts;

import java.util.List;

/**
 * A clock on a line, push-pull: high for {@code duty} percent of each period, then low. It runs from the moment it
 * is added; {@code part set NAME running 0|1} stops and starts it. Each edge is due at an absolute time (start plus
 * whole periods), so a late timer does not make the clock drift.
 */
final class ClockGenerator extends AbstractPart {
    /** The shortest period: the timer thread and the event log pay for every edge. */
    static final long MIN_PERIOD_NANOS = 100_000;

    record Settings(int line, long periodNanos, int dutyPercent) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            int line = a.line("line");
            long period = a.requiredDuration("period", "1ms");
            if (period < MIN_PERIOD_NANOS) {
                throw new PartException("period=" + period / 1000 + "us is too short; a clock's period is at least 100us");
            }
            String duty = a.text("duty");
            int percent = duty == null ? 50
                    : (int) PartArgs.number("duty", duty.endsWith("%") ? duty.substring(0, duty.length() - 1) : duty,
                            1, 99);
            a.finish(List.of("line", "period", "duty"));
            return new Settings(line, period, percent);
        }

        @Override
        public PartType type() {
            return PartType.CLOCK;
        }

        @Override
        public String describe() {
            return "line=" + line + " period=" + periodNanos / 1000 + "us duty=" + dutyPercent + "%";
        }

        @Override
        public Part create(PartContext context) {
            return new ClockGenerator(context, this);
        }
    }

    private final Settings settings;
    private final Nets.Driver out;
    private boolean running;
    /** Counts starts, so that edges scheduled by a run that was stopped do nothing. */
    private long run;

    private ClockGenerator(PartContext ctx, Settings settings) {
        super(ctx, settings);
        this.settings = settings;
        this.out = driver(settings.line());
        out.drive(Drive.LOW);
        setRunning(true);
    }

    private synchronized void setRunning(boolean on) {
        if (on == running) {
            return;
        }
        running = on;
        run++;
        event(settings.line(), PartAction.STATE, on ? 1 : 0);
        if (on) {
            edge(run, System.nanoTime(), 1);
        } else {
            out.drive(Drive.LOW);
        }
    }

    /** Drives the edge due at {@code due} and schedules the next one. */
    private void edge(long ofRun, long due, int level) {
        synchronized (this) {
            if (ofRun != run) {
                return;
            }
        }
        out.drive(Drive.pushPull(level));
        long high = settings.periodNanos() * settings.dutyPercent() / 100;
        long next = due + (level == 1 ? high : settings.periodNanos() - high);
        later(Math.max(0, next - System.nanoTime()), () -> edge(ofRun, next, 1 - level));
    }

    @Override
    public synchronized String get(String property) throws PartException {
        return flag(property, "running", running);
    }

    @Override
    public void set(String property, String value) throws PartException {
        setRunning(flagValue(property, "running", value));
    }
}
