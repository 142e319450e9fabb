package io.vgpio.core.parts;

import io.vgpio.core.parts.i2c.Lm75;
import java.math.BigDecimal;
import java.util.List;

/** An LM75 temperature sensor on an I2C bus; {@code temp=} sets its temperature (°C, 0.5 °C steps). */
final class Lm75Part extends I2cPart {
    record Settings(I2cPins pins, int temperatureHalves) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            I2cPins pins = I2cPins.parse(a, "0x48");
            BigDecimal t = a.decimal("temp", BigDecimal.valueOf(25));
            Settings s = new Settings(pins, Temperatures.parse("temp", t.toPlainString()));
            a.finish(List.of("sda", "scl", "addr", "pull", "temp"));
            return s;
        }

        @Override
        public PartType type() {
            return PartType.LM75;
        }

        @Override
        public String describe() {
            return pins.describe() + " temp=" + Temperatures.format(temperatureHalves);
        }

        @Override
        public Part create(PartContext context) {
            return new Lm75Part(context, this);
        }
    }

    private final Lm75 lm75;

    private Lm75Part(PartContext ctx, Settings settings) {
        super(ctx, settings, settings.pins());
        lm75 = new Lm75(settings.temperatureHalves());
        attach(lm75);
    }

    @Override
    public String get(String property) throws PartException {
        return locked(() -> lm75.get(property));
    }

    @Override
    public void set(String property, String value) throws PartException {
        locked(() -> {
            lm75.set(property, value);
            if (property.equals("temp")) {
                event(pins.sda(), PartAction.TEMPERATURE, lm75.temperatureHalves());
            }
            return null;
        });
    }
}
