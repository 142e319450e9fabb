package io.vgpio.core.parts;

import java.util.List;

/**
 * A wire from one line to another: the {@code to} line follows the level of the {@code from} line, driven push-pull
 * (a loopback for tests: the guest sets one line and reads the other).
 */
final class Wire extends AbstractPart {
    record Settings(int from, int to) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            Settings s = new Settings(a.line("from"), a.line("to"));
            a.finish(List.of("from", "to"));
            if (s.from == s.to) {
                throw new PartException("a wire needs two different lines, not from=" + s.from + " to=" + s.to);
            }
            return s;
        }

        @Override
        public PartType type() {
            return PartType.WIRE;
        }

        @Override
        public String describe() {
            return "from=" + from + " to=" + to;
        }

        @Override
        public Part create(PartContext context) {
            return new Wire(context, this);
        }
    }

    private final Settings settings;

    private Wire(PartContext ctx, Settings settings) {
        super(ctx, settings);
        this.settings = settings;
        Nets.Driver out = driver(settings.to());
        ctx.nets().chip().runLocked(() -> {
            out.drive(Drive.pushPull(ctx.nets().level(settings.from())));
            watch(settings.from(), level -> out.drive(Drive.pushPull(level)));
        });
    }

    @Override
    public String get(String property) throws PartException {
        return readOnlyLevel(property, settings.from());
    }

    @Override
    public void set(String property, String value) throws PartException {
        throw levelIsReadOnly(property);
    }
}
