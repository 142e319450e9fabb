package io.vgpio.core.parts;

import io.vgpio.core.parts.i2c.I2cSlave;
import io.vgpio.core.parts.i2c.I2cTarget;

/**
 * What the I2C parts share: pull-ups on SDA and SCL (unless {@code pull=none}), an open drain on SDA and the bus
 * engine ({@link I2cSlave}) watching both lines. Their registers are guarded by the chip's monitor, under which the
 * bus engine runs, so the control socket reads and sets them under it too.
 */
abstract class I2cPart extends AbstractPart {
    protected final I2cPins pins;

    protected I2cPart(PartContext ctx, PartSettings settings, I2cPins pins) {
        super(ctx, settings);
        this.pins = pins;
    }

    /** Attaches the bus engine; call once the target exists, at the end of the subclass's constructor. */
    protected void attach(I2cTarget target) {
        if (pins.pullUps()) {
            resistor(pins.sda(), Drive.PULL_UP);
            resistor(pins.scl(), Drive.PULL_UP);
        }
        Nets nets = ctx.nets();
        I2cSlave slave = new I2cSlave(pins.address(), target, driver(pins.sda()), () -> nets.level(pins.sda()),
                () -> nets.level(pins.scl()), (action, value) -> event(pins.sda(), action, value));
        nets.chip().runLocked(() -> {
            watch(pins.scl(), slave::sclChanged);
            watch(pins.sda(), slave::sdaChanged);
        });
    }

    /** Runs a property access under the chip's monitor, where the bus engine changes the registers. */
    protected interface Access<T> {
        T run() throws PartException;
    }

    protected <T> T locked(Access<T> access) throws PartException {
        synchronized (ctx.nets().chip()) {
            return access.run();
        }
    }
}
