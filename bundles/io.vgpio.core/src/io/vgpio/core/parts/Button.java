package io.vgpio.core.parts;

import java.util.List;
import java.util.Random;

/**
 * A momentary push-button on a line, to ground with a pull-up ({@code pull=up}, the default: 1 released, 0 pressed)
 * or to the supply with a pull-down; each press and release bounces as its profile says. A press with a duration
 * lets go on the parts' timer, so the control socket answers at once.
 */
final class Button extends AbstractPart {
    record Settings(int line, boolean pullUp, Bounce bounce, long seed) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            Settings s = new Settings(a.line("line"), a.choice("pull", "up", "down").equals("up"),
                    Bounce.parse("bounce", a.text("bounce")), a.number("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0));
            a.finish(List.of("line", "pull", "bounce", "seed"));
            return s;
        }

        @Override
        public PartType type() {
            return PartType.BUTTON;
        }

        @Override
        public String describe() {
            return "line=" + line + " pull=" + (pullUp ? "up" : "down")
                    + (bounce.none() ? "" : " bounce=" + bounce.describe() + " seed=" + seed);
        }

        @Override
        public Part create(PartContext context) {
            return new Button(context, this);
        }
    }

    private final Settings settings;
    private final Contact contact;
    private final Random random;
    private boolean pressed;

    private Button(PartContext ctx, Settings settings) {
        super(ctx, settings);
        this.settings = settings;
        this.contact = new Contact(this, settings.line(), settings.pullUp());
        this.random = new Random(settings.seed());
    }

    @Override
    public void press(long millis) {
        cancelTimers(); // a release still to come belongs to the press this one replaces
        move(true);
        if (millis > 0) {
            later(millis * 1_000_000, () -> move(false));
        }
    }

    @Override
    public void release() {
        cancelTimers();
        move(false);
    }

    /** The contact moves: a STATE event, the bounce on the timer, the final level at the bounce's end. */
    private synchronized void move(boolean press) {
        if (press == pressed) {
            return;
        }
        pressed = press;
        event(settings.line(), PartAction.STATE, press ? 1 : 0);
        contact.set(press);
        if (settings.bounce().none()) {
            return;
        }
        boolean closed = press;
        for (long t : settings.bounce().times(random)) {
            closed = !closed;
            boolean level = closed;
            later(t, () -> contact.set(level));
        }
        later(settings.bounce().nanos(), () -> contact.set(press));
    }

    @Override
    public synchronized String get(String property) throws PartException {
        return flag(property, "pressed", pressed);
    }

    @Override
    public void set(String property, String value) throws PartException {
        if (flagValue(property, "pressed", value)) {
            press(0);
        } else {
            release();
        }
    }
}
