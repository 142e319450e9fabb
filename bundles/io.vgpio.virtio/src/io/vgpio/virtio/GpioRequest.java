package io.vgpio.virtio;

import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;

/**
 * One requestq message as the guest sent it (struct virtio_gpio_request: le16 type, le16 gpio, le32 value), decoded
 * but not yet judged: the type may be no message type, the line may be past the chip's lines.
 *
 * @param type  the message type's wire number
 * @param line  the gpio field
 * @param value the value field (u32)
 */
public record GpioRequest(int type, int line, long value) {
    /** Reads struct virtio_gpio_request (little-endian) from the first {@link Protocol#REQUEST_SIZE} bytes. */
    public static GpioRequest decode(byte[] b) {
        int type = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        int line = (b[2] & 0xff) | (b[3] & 0xff) << 8;
        long value = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
        return new GpioRequest(type, line, value);
    }

    /** The message type, or null for a number that is none. */
    public MessageType messageType() {
        return MessageType.fromWire(type);
    }
}
