package io.vgpio.core.parts;

import java.util.List;

/** A pull-up or pull-down resistor on a line: it sets the level only while no stronger driver drives the net. */
final class Resistor extends AbstractPart {
    record Settings(PartType type, int line) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            Settings s = new Settings(a.type(), a.line("line"));
            a.finish(List.of("line"));
            return s;
        }

        @Override
        public String describe() {
            return "line=" + line;
        }

        @Override
        public Part create(PartContext context) {
            return new Resistor(context, this);
        }
    }

    private final int line;

    private Resistor(PartContext ctx, Settings settings) {
        super(ctx, settings);
        line = settings.line();
        resistor(line, settings.type() == PartType.PULL_UP ? Drive.PULL_UP : Drive.PULL_DOWN);
    }

    @Override
    public String get(String property) throws PartException {
        return readOnlyLevel(property, line);
    }

    @Override
    public void set(String property, String value) throws PartException {
        throw levelIsReadOnly(property);
    }
}
