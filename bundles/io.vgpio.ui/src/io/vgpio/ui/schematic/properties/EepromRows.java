package io.vgpio.ui.schematic.properties;

import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import java.util.ArrayList;
import java.util.List;

/** An EEPROM's bytes sixteen to a row, as {@code ab cd ...}, read and written through {@code byte:ADDRESS}. */
final class EepromRows {
    static final int ROW = 16;

    private EepromRows() {
    }

    static String read(Part p, int start) throws PartException {
        List<String> bytes = new ArrayList<>(ROW);
        for (int a = start; a < start + ROW; a++) {
            bytes.add(p.get(String.format("byte:0x%02x", a)).substring(2));
        }
        return String.join(" ", bytes);
    }

    /** Writes the bytes of a row that differ from what it holds; the text must give all sixteen. */
    static void write(Part p, int start, String text) throws PartException {
        String[] bytes = text.trim().split("\\s+");
        if (bytes.length != ROW) {
            throw new PartException("a row holds 16 bytes in hex, e.g. 'ff 00 ...'; " + bytes.length + " given");
        }
        for (int i = 0; i < ROW; i++) {
            String address = String.format("byte:0x%02x", start + i);
            String value = bytes[i].startsWith("0x") ? bytes[i] : "0x" + bytes[i];
            if (!p.get(address).equalsIgnoreCase(value)) {
                p.set(address, value);
            }
        }
    }
}
