package io.vgpio.core;

/** Interrupt trigger type, with the wire value of VIRTIO_GPIO_IRQ_TYPE_*. */
public enum IrqType {
    NONE(0x00, "none"),
    EDGE_RISING(0x01, "edge-rising"),
    EDGE_FALLING(0x02, "edge-falling"),
    EDGE_BOTH(0x03, "edge-both"),
    LEVEL_HIGH(0x04, "level-high"),
    LEVEL_LOW(0x08, "level-low");

    private final int wire;
    private final String word;

    IrqType(int wire, String word) {
        this.wire = wire;
        this.word = word;
    }

    public int wireValue() {
        return wire;
    }

    public String word() {
        return word;
    }

    public boolean isEdge() {
        return this == EDGE_RISING || this == EDGE_FALLING || this == EDGE_BOTH;
    }

    public boolean isLevel() {
        return this == LEVEL_HIGH || this == LEVEL_LOW;
    }

    /** True if a change from {@code from} to {@code to} is an edge this type triggers on. */
    public boolean triggersOnEdge(int from, int to) {
        if (from == to) {
            return false;
        }
        return switch (this) {
            case EDGE_RISING -> to == 1;
            case EDGE_FALLING -> to == 0;
            case EDGE_BOTH -> true;
            default -> false;
        };
    }

    /** True if this is a level type and {@code level} is its active level. */
    public boolean activeAt(int level) {
        return (this == LEVEL_HIGH && level == 1) || (this == LEVEL_LOW && level == 0);
    }

    public static IrqType fromWire(long value) {
        for (IrqType t : values()) {
            if (t.wire == value) {
                return t;
            }
        }
        return null;
    }

    public static IrqType fromWord(String word) {
        for (IrqType t : values()) {
            if (t.word.equalsIgnoreCase(word) || t.name().equalsIgnoreCase(word)) {
                return t;
            }
        }
        return null;
    }
}
