package io.vgpio.core.parts;

import java.util.List;

/** An LED on a line, lit at the active level. It drives nothing; its STATE events follow what the line does. */
final class Led extends AbstractPart {
    record Settings(int line, boolean activeHigh) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            Settings s = new Settings(a.line("line"), a.choice("active", "high", "low").equals("high"));
            a.finish(List.of("line", "active"));
            return s;
        }

        @Override
        public PartType type() {
            return PartType.LED;
        }

        @Override
        public String describe() {
            return "line=" + line + " active=" + (activeHigh ? "high" : "low");
        }

        @Override
        public Part create(PartContext context) {
            return new Led(context, this);
        }
    }

    private final Settings settings;
    private int lit;

    private Led(PartContext ctx, Settings settings) {
        super(ctx, settings);
        this.settings = settings;
        ctx.nets().chip().runLocked(() -> {
            lit = litAt(ctx.nets().level(settings.line()));
            event(settings.line(), PartAction.STATE, lit);
            watch(settings.line(), this::levelChanged);
        });
    }

    private int litAt(int level) {
        return level == (settings.activeHigh() ? 1 : 0) ? 1 : 0;
    }

    private void levelChanged(int level) {
        int now = litAt(level);
        if (now != lit) {
            lit = now;
            event(settings.line(), PartAction.STATE, now);
        }
    }

    @Override
    public String get(String property) throws PartException {
        if (property.equals("on")) {
            synchronized (ctx.nets().chip()) {
                return Integer.toString(lit);
            }
        }
        throw unknownProperty(property, "on (read only)");
    }

    @Override
    public void set(String property, String value) throws PartException {
        throw new PartException(property.equals("on") ? "an LED's on is read only: the line drives it"
                : unknownProperty(property, "on (read only)").getMessage());
    }
}
