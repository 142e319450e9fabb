package io.vgpio.core;

/** requestq message types (VIRTIO_GPIO_MSG_*). */
public enum MessageType {
    GET_LINE_NAMES(0x0001),
    GET_DIRECTION(0x0002),
    SET_DIRECTION(0x0003),
    GET_VALUE(0x0004),
    SET_VALUE(0x0005),
    SET_IRQ_TYPE(0x0006);

    private final int wire;

    MessageType(int wire) {
        this.wire = wire;
    }

    public int wireValue() {
        return wire;
    }

    public static MessageType fromWire(long value) {
        for (MessageType t : values()) {
            if (t.wire == value) {
                return t;
            }
        }
        return null;
    }

    /** Decoded name for a wire value, also for unknown values. */
    public static String describe(long value) {
        MessageType t = fromWire(value);
        return t != null ? t.name() : String.format("UNKNOWN(0x%04x)", value);
    }
}
