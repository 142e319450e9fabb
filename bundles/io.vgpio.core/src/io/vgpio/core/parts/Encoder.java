package io.vgpio.core.parts;

import java.util.List;

/**
 * A rotary encoder: A and B contacts to ground with pull-ups (both read 1 at a detent), in quadrature; one detent
 * is a full cycle of four changes. Turning clockwise A leads: (A,B) goes 11, 01, 00, 10, 11; the other way B leads.
 * {@code speed} is detents a second; the changes of a turn are spaced evenly on the parts' timer. An optional push
 * switch {@code sw=} is pressed like a button.
 */
final class Encoder extends AbstractPart {
    private static final int[][] CLOCKWISE = {{0, 1}, {0, 0}, {1, 0}, {1, 1}};
    private static final int[][] COUNTER = {{1, 0}, {0, 0}, {0, 1}, {1, 1}};

    record Settings(int a, int b, int sw, int detents, int speed) implements PartSettings {
        static Settings parse(PartArgs args) throws PartException {
            Settings s = new Settings(args.line("a"), args.line("b"), args.optionalLine("sw"),
                    (int) args.number("detents", 1, 1000, 20), (int) args.number("speed", 1, 10_000, 100));
            args.finish(List.of("a", "b", "sw", "detents", "speed"));
            if (s.a == s.b || s.a == s.sw || s.b == s.sw) {
                throw new PartException("an encoder needs different lines for a=, b= and sw=");
            }
            return s;
        }

        @Override
        public PartType type() {
            return PartType.ENCODER;
        }

        @Override
        public String describe() {
            return "a=" + a + " b=" + b + (sw >= 0 ? " sw=" + sw : "") + " detents=" + detents + " speed=" + speed;
        }

        @Override
        public Part create(PartContext context) {
            return new Encoder(context, this);
        }
    }

    private final Settings settings;
    private final Contact a;
    private final Contact b;
    private final Contact sw;
    /** Detents turned, signed, counted when a turn's step completes. */
    private long position;
    /** When the last queued change is due, so that turns given quickly one after another queue up. */
    private long busyUntil;

    private Encoder(PartContext ctx, Settings settings) {
        super(ctx, settings);
        this.settings = settings;
        this.a = new Contact(this, settings.a(), true);
        this.b = new Contact(this, settings.b(), true);
        this.sw = settings.sw() >= 0 ? new Contact(this, settings.sw(), true) : null;
    }

    @Override
    public synchronized void turn(int steps) {
        long gap = 1_000_000_000L / settings.speed() / 4;
        long now = System.nanoTime();
        long at = Math.max(now, busyUntil);
        int[][] cycle = steps >= 0 ? CLOCKWISE : COUNTER;
        int direction = steps >= 0 ? 1 : -1;
        for (int s = 0; s < Math.abs(steps); s++) {
            for (int i = 0; i < 4; i++) {
                at += gap;
                int[] ab = cycle[i];
                boolean detent = i == 3;
                later(at - now, () -> step(ab, detent ? direction : 0));
            }
        }
        busyUntil = at;
    }

    private void step(int[] ab, int detent) {
        a.set(ab[0] == 0);
        b.set(ab[1] == 0);
        if (detent != 0) {
            long p;
            synchronized (this) {
                position += detent;
                p = position;
            }
            event(settings.a(), PartAction.STATE, p);
        }
    }

    @Override
    public void press(long millis) throws PartException {
        if (sw == null) {
            throw new PartException(name() + " has no push switch; give it sw=LINE");
        }
        sw.set(true);
        if (millis > 0) {
            later(millis * 1_000_000, () -> sw.set(false));
        }
    }

    @Override
    public void release() throws PartException {
        if (sw == null) {
            throw new PartException(name() + " has no push switch; give it sw=LINE");
        }
        sw.set(false);
    }

    private synchronized long position() {
        return position;
    }

    @Override
    public String get(String property) throws PartException {
        return switch (property) {
            case "position" -> Long.toString(position());
            case "angle" -> Long.toString(Math.floorMod(position(), settings.detents()) * 360 / settings.detents());
            default -> throw unknownProperty(property, "position, angle (read only)");
        };
    }

    @Override
    public void set(String property, String value) throws PartException {
        throw new PartException("an encoder's " + property + " is changed by turning it: part turn " + name()
                + " STEPS");
    }
}
