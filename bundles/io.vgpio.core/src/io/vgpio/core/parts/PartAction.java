package io.vgpio.core.parts;

import java.util.Locale;

/**
 * What a {@link io.vgpio.core.EventKind#PART_EVENT} says a part did, with the meaning of its value. The wire numbers
 * are stored in traces and fixed forever.
 */
public enum PartAction {
    /** The part was attached. Value: its type's {@link PartType#wire()}. NAME events with its name follow. */
    ADDED(0),
    /** Up to 8 characters of the part's name, first character in the lowest byte; one event per 8 characters. */
    NAME(1),
    /** The part was detached. Value: 0. */
    REMOVED(2),
    /**
     * The part's visible state changed. Value: an LED 1 lit / 0 dark, a button 1 pressed, a switch 1 on, a clock 1
     * running, an encoder its position in detents (signed).
     */
    STATE(3),
    /** The LM75's temperature was set. Value: half degrees Celsius (signed): 47 is 23.5 °C. */
    TEMPERATURE(4),
    /** A byte of a memory part changed (by the guest or the user). Value: address &lt;&lt; 8 | byte. */
    BYTE_WRITTEN(5),
    /** An I2C part saw a START addressed to it. Value: the address byte (address &lt;&lt; 1 | 1 for a read). */
    I2C_START(6),
    /** An I2C part's transfer ended with a STOP. Value: 0. */
    I2C_STOP(7),
    /**
     * A byte crossed the bus to or from an I2C part. Value: the byte | 0x100 when it was acknowledged | 0x200 when
     * the part sent it (a read).
     */
    I2C_BYTE(8);

    private final int wire;

    PartAction(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    /** The action with this wire number, or null. */
    public static PartAction fromWire(long wire) {
        for (PartAction x : values()) {
            if (x.wire == wire) {
                return x;
            }
        }
        return null;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A value in words, for the event text and the traffic table. */
    public static String describe(PartAction action, long value) {
        if (action == null) {
            return "action ? value " + value;
        }
        return switch (action) {
            case ADDED -> {
                PartType t = PartType.fromWire(value);
                yield "added (" + (t == null ? "type " + value : t.word()) + ")";
            }
            case NAME -> "name '" + PartNames.chunkText(value) + "'";
            case REMOVED -> "removed";
            case STATE -> "state " + value;
            case TEMPERATURE -> "temperature " + Temperatures.format((int) value) + " °C";
            case BYTE_WRITTEN -> String.format(Locale.ROOT, "byte 0x%02x = 0x%02x", value >> 8, value & 0xff);
            case I2C_START -> String.format(Locale.ROOT, "i2c start 0x%02x %s", value >> 1,
                    (value & 1) != 0 ? "read" : "write");
            case I2C_STOP -> "i2c stop";
            case I2C_BYTE -> String.format(Locale.ROOT, "i2c %s 0x%02x %s", (value & 0x200) != 0 ? "read" : "write",
                    value & 0xff, (value & 0x100) != 0 ? "ack" : "nack");
        };
    }
}
