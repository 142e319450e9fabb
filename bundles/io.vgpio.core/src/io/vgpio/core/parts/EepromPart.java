package io.vgpio.core.parts;

import io.vgpio.core.parts.i2c.Eeprom24c02;
import io.vgpio.core.parts.i2c.MemoryAccess;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A 24C02 EEPROM on an I2C bus. With {@code file=} its contents are loaded from the file (a shorter file fills the
 * start, the rest reads 0xff; a missing one is made at the first write) and saved to it after every page write and
 * every {@code part set}: on the parts' timer thread, never under the chip's monitor.
 */
final class EepromPart extends I2cPart {
    private static final System.Logger LOG = System.getLogger("io.vgpio.parts");

    record Settings(I2cPins pins, Path file) implements PartSettings {
        static Settings parse(PartArgs a) throws PartException {
            I2cPins pins = I2cPins.parse(a, "0x50");
            Path file = a.path("file");
            a.finish(List.of("sda", "scl", "addr", "pull", "file"));
            String f = String.valueOf(file);
            if (file != null && Files.exists(file)) {
                try {
                    if (Files.size(file) > Eeprom24c02.SIZE) {
                        throw new PartException("file=" + f + " holds " + Files.size(file)
                                + " bytes; a 24c02 holds 256, give a file of at most 256 bytes");
                    }
                } catch (IOException e) {
                    throw new PartException("file=" + f + " cannot be read: " + e.getMessage());
                }
            }
            return new Settings(pins, file);
        }

        @Override
        public PartType type() {
            return PartType.EEPROM_24C02;
        }

        @Override
        public String describe() {
            return pins.describe() + (file == null ? "" : " file=" + file);
        }

        @Override
        public Part create(PartContext context) {
            return new EepromPart(context, this);
        }
    }

    private final Settings settings;
    private final Eeprom24c02 memory;

    private EepromPart(PartContext ctx, Settings settings) {
        super(ctx, settings, settings.pins());
        this.settings = settings;
        this.memory = new Eeprom24c02(load(settings.file()), this::written);
        attach(memory);
    }

    private static byte[] load(Path file) {
        try {
            return file != null && Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + file + ": " + e.getMessage() + "; the EEPROM starts erased");
            return new byte[0];
        }
    }

    /** A byte the guest's page write committed (under the chip's monitor). */
    private void written(int address) {
        event(pins.sda(), PartAction.BYTE_WRITTEN, (long) address << 8 | memory.get(address));
        saveLater();
    }

    private void saveLater() {
        if (settings.file() == null) {
            return;
        }
        byte[] copy = memory.contents();
        later(0, () -> {
            try {
                Files.write(settings.file(), copy);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot save the EEPROM to " + settings.file() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public String get(String property) throws PartException {
        return locked(() -> {
            int address = MemoryAccess.address(property, Eeprom24c02.SIZE);
            if (address < 0) {
                throw unknownProperty(property, "byte:ADDRESS (0x00 to 0xff)");
            }
            return MemoryAccess.format(memory.get(address));
        });
    }

    @Override
    public void set(String property, String value) throws PartException {
        locked(() -> {
            int address = MemoryAccess.address(property, Eeprom24c02.SIZE);
            if (address < 0) {
                throw unknownProperty(property, "byte:ADDRESS (0x00 to 0xff)");
            }
            memory.set(address, MemoryAccess.parseByte(property, value));
            written(address);
            return null;
        });
    }
}
