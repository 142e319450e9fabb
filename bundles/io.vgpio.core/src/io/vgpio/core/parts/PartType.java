package io.vgpio.core.parts;

import java.util.Arrays;
import java.util.List;

/** The kinds of part, by the word the configuration and the control socket use; wire numbers fixed forever. */
public enum PartType {
    LED("led", 0), BUTTON("button", 1), SWITCH("switch", 2), PULL_UP("pull-up", 3), PULL_DOWN("pull-down", 4),
    WIRE("wire", 5), CLOCK("clock", 6), ENCODER("encoder", 7), LM75("lm75", 8), EEPROM_24C02("24c02", 9),
    REGS("regs", 10);

    private final String word;
    private final int wire;

    PartType(String word, int wire) {
        this.word = word;
        this.wire = wire;
    }

    public String word() {
        return word;
    }

    public int wire() {
        return wire;
    }

    public static PartType fromWire(long wire) {
        for (PartType x : values()) {
            if (x.wire == wire) {
                return x;
            }
        }
        return null;
    }

    /** The type with this word, or null. */
    public static PartType fromWord(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst().orElse(null);
    }

    /** Every type's word, for an error message. */
    public static List<String> words() {
        return Arrays.stream(values()).map(PartType::word).toList();
    }
}
