package io.vgpio.core.parts;

import io.vgpio.core.parts.i2c.MemoryAccess;
import io.vgpio.core.parts.i2c.RegisterFile;
import java.util.List;

/**
 * A generic register-file device on an I2C bus: {@code count=} byte registers (1 to 256), optionally
 * {@code values=0x01,0x02,...} from register 0 on (the rest 0). Its registers are the {@code byte:N} properties.
 */
final class RegsPart extends I2cPart {
    record Settings(I2cPins pins, int[] values) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            I2cPins pins = I2cPins.parse(a, "0x20");
            int count = (int) a.number("count", 1, 256, -1);
            if (count < 0) {
                throw new PartException("a regs needs count=, the number of registers from 1 to 256, e.g. count=16");
            }
            int[] values = new int[count];
            String given = a.text("values");
            if (given != null && !given.isEmpty()) {
                String[] v = given.split(",");
                if (v.length > count) {
                    throw new PartException("values= gives " + v.length + " values for " + count
                            + " registers; give at most count values");
                }
                for (int i = 0; i < v.length; i++) {
                    values[i] = MemoryAccess.parseByte("values", v[i]);
                }
            }
            a.finish(List.of("sda", "scl", "addr", "pull", "count", "values"));
            return new Settings(pins, values);
        }

        @Override
        public PartType type() {
            return PartType.REGS;
        }

        @Override
        public String describe() {
            return pins.describe() + " count=" + values.length;
        }

        @Override
        public Part create(PartContext context) {
            return new RegsPart(context, this);
        }
    }

    private final RegisterFile registers;

    private RegsPart(PartContext ctx, Settings settings) {
        super(ctx, settings, settings.pins());
        registers = new RegisterFile(settings.values(), this::written);
        attach(registers);
    }

    private void written(int register) {
        event(pins.sda(), PartAction.BYTE_WRITTEN, (long) register << 8 | registers.get(register));
    }

    @Override
    public String get(String property) throws PartException {
        return locked(() -> {
            int r = MemoryAccess.address(property, registers.size());
            if (r < 0) {
                throw unknownProperty(property, "byte:REGISTER (0 to " + (registers.size() - 1) + ")");
            }
            return MemoryAccess.format(registers.get(r));
        });
    }

    @Override
    public void set(String property, String value) throws PartException {
        locked(() -> {
            int r = MemoryAccess.address(property, registers.size());
            if (r < 0) {
                throw unknownProperty(property, "byte:REGISTER (0 to " + (registers.size() - 1) + ")");
            }
            registers.set(r, MemoryAccess.parseByte(property, value));
            written(r);
            return null;
        });
    }
}
