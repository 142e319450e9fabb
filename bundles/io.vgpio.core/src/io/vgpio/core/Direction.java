package io.vgpio.core;

/** Line direction, with the wire value of VIRTIO_GPIO_DIRECTION_*. */
public enum Direction {
    NONE(0, "none"), OUT(1, "out"), IN(2, "in");

    private final int wire;
    private final String word;

    Direction(int wire, String word) {
        this.wire = wire;
        this.word = word;
    }

    public int wireValue() {
        return wire;
    }

    /** Short lower-case word used by the CLI, the control socket and config files. */
    public String word() {
        return word;
    }

    /** @return the direction for a wire value, or null if the value is not a direction */
    public static Direction fromWire(long value) {
        for (Direction d : values()) {
            if (d.wire == value) {
                return d;
            }
        }
        return null;
    }
}
