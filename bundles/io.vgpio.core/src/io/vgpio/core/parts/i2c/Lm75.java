package io.vgpio.core.parts.i2c;

import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.Temperatures;

/**
 * The LM75 temperature sensor's registers: the pointer (the first byte of a write), temperature (read only), and
 * configuration, T_HYST and T_OS with their power-on defaults (0, 75 °C, 80 °C). Temperatures are two bytes, most
 * significant first, the value in half degrees in the top nine bits, two's complement. A read keeps returning the
 * register the pointer selects (its bytes over again), as the LM75 does; the pointer does not advance.
 */
public final class Lm75 implements I2cTarget {
    static final int TEMP = 0;
    static final int CONF = 1;
    static final int THYST = 2;
    static final int TOS = 3;

    private final int[] halves = {0, 0, 150, 160};
    private int conf;
    private int pointer;
    private int byteIndex;
    /** Bytes written in this transfer, the pointer included. */
    private int written;
    private int msb;

    public Lm75(int temperatureHalves) {
        halves[TEMP] = temperatureHalves;
    }

    @Override
    public void start(boolean read) {
        byteIndex = 0;
        written = 0;
    }

    @Override
    public boolean write(int value) {
        if (written++ == 0) {
            pointer = value & 3;
            return true;
        }
        if (pointer == CONF) {
            conf = value;
        } else if (pointer != TEMP) {
            if (written == 2) {
                msb = value;
            } else if (written == 3) {
                halves[pointer] = (short) (msb << 8 | value) >> 7;
            }
        }
        return true;
    }

    @Override
    public int read() {
        int word = pointer == CONF ? conf << 8 : (halves[pointer] & 0x1ff) << 7;
        int size = pointer == CONF ? 1 : 2;
        int b = byteIndex++ % size == 0 ? word >> 8 : word;
        return b & 0xff;
    }

    @Override
    public void stop() {
    }

    public int temperatureHalves() {
        return halves[TEMP];
    }

    public void setTemperatureHalves(int h) {
        halves[TEMP] = h;
    }

    /** A register by property name: temp, conf, thyst, tos. */
    public String get(String property) throws PartException {
        return switch (property) {
            case "temp" -> Temperatures.format(halves[TEMP]);
            case "thyst" -> Temperatures.format(halves[THYST]);
            case "tos" -> Temperatures.format(halves[TOS]);
            case "conf" -> String.format("0x%02x", conf);
            case "pointer" -> Integer.toString(pointer);
            default -> throw new PartException("an lm75 has no property '" + property
                    + "'; it has temp, conf, thyst, tos, pointer");
        };
    }

    public void set(String property, String value) throws PartException {
        switch (property) {
            case "temp" -> halves[TEMP] = Temperatures.parse(property, value);
            case "thyst" -> halves[THYST] = Temperatures.parse(property, value);
            case "tos" -> halves[TOS] = Temperatures.parse(property, value);
            case "conf" -> conf = MemoryAccess.parseByte(property, value);
            default -> throw new PartException("an lm75 has no settable property '" + property
                    + "'; it has temp, conf, thyst, tos");
        }
    }
}
