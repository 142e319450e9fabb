package io.vgpio.core.parts;

/** How one driver acts on a net. */
public enum Drive {
    /** Not driving: high impedance. */
    RELEASED,
    /** Push-pull low. */
    LOW,
    /** Push-pull high. */
    HIGH,
    /** An open-drain (open-collector) output pulling low; released, it drives nothing. */
    OPEN_DRAIN_LOW,
    /** A resistor to the supply: wins only when no stronger driver drives. */
    PULL_UP,
    /** A resistor to ground. */
    PULL_DOWN;

    /** A driver that sets the level against a resistor: push-pull either way, or an open drain pulling low. */
    boolean strong() {
        return this == LOW || this == HIGH || this == OPEN_DRAIN_LOW;
    }

    /** The level a strong driver or a resistor drives. */
    int level() {
        return this == HIGH || this == PULL_UP ? 1 : 0;
    }

    /** An open drain: low when asked for 0, released for 1. */
    public static Drive openDrain(int level) {
        return level == 0 ? OPEN_DRAIN_LOW : RELEASED;
    }

    /** Push-pull at a level. */
    public static Drive pushPull(int level) {
        return level == 0 ? LOW : HIGH;
    }
}
