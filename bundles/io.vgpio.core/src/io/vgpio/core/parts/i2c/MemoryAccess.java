package io.vgpio.core.parts.i2c;

import io.vgpio.core.parts.PartException;
import java.util.Locale;

/** The {@code byte:ADDRESS} property of memory parts, and byte values as text ({@code 0xab}). */
public final class MemoryAccess {
    private MemoryAccess() {
    }

    /** The address of a {@code byte:N} property (N decimal or 0x hex), or -1 when the property is another. */
    public static int address(String property, int size) throws PartException {
        if (!property.startsWith("byte:")) {
            return -1;
        }
        String n = property.substring(5);
        try {
            int a = n.startsWith("0x") ? Integer.parseInt(n.substring(2), 16) : Integer.parseInt(n);
            if (a >= 0 && a < size) {
                return a;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PartException(property + ": the address must be from 0x00 to "
                + String.format(Locale.ROOT, "0x%02x", size - 1) + ", e.g. byte:0x10");
    }

    public static int parseByte(String property, String value) throws PartException {
        try {
            int v = value.startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
            if (v >= 0 && v <= 0xff) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PartException(property + " must be a byte from 0x00 to 0xff, not '" + value + "'");
    }

    public static String format(int value) {
        return String.format(Locale.ROOT, "0x%02x", value & 0xff);
    }
}
