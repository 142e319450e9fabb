package io.vgpio.core.parts;

import java.util.List;

/** A toggle switch on a line: stays where it is put. With {@code pull=up} (the default) it reads 1 off and 0 on. */
final class ToggleSwitch extends AbstractPart {
    record Settings(int line, boolean pullUp) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            Settings s = new Settings(a.line("line"), a.choice("pull", "up", "down").equals("up"));
            a.finish(List.of("line", "pull"));
            return s;
        }

        @Override
        public PartType type() {
            return PartType.SWITCH;
        }

        @Override
        public String describe() {
            return "line=" + line + " pull=" + (pullUp ? "up" : "down");
        }

        @Override
        public Part create(PartContext context) {
            return new ToggleSwitch(context, this);
        }
    }

    private final Contact contact;
    private final int line;
    private boolean on;

    private ToggleSwitch(PartContext ctx, Settings settings) {
        super(ctx, settings);
        this.line = settings.line();
        this.contact = new Contact(this, line, settings.pullUp());
    }

    private synchronized void turnOn(boolean now) {
        if (now != on) {
            on = now;
            event(line, PartAction.STATE, now ? 1 : 0);
            contact.set(now);
        }
    }

    @Override
    public void press(long millis) {
        turnOn(true);
        if (millis > 0) {
            later(millis * 1_000_000, () -> turnOn(false));
        }
    }

    @Override
    public void release() {
        turnOn(false);
    }

    @Override
    public synchronized String get(String property) throws PartException {
        return flag(property, "on", on);
    }

    @Override
    public void set(String property, String value) throws PartException {
        turnOn(flagValue(property, "on", value));
    }
}
