package io.vgpio.virtio;

import io.vgpio.core.Protocol;

/** The bytes of struct virtio_gpio_config: le16 ngpio, u8 padding[2] = 0, le32 gpio_names_size. */
final class ConfigSpace {
    private ConfigSpace() {
    }

    static byte[] of(int lines, int namesSize) {
        byte[] c = new byte[Protocol.CONFIG_SIZE];
        c[0] = (byte) lines;
        c[1] = (byte) (lines >>> 8);
        c[4] = (byte) namesSize;
        c[5] = (byte) (namesSize >>> 8);
        c[6] = (byte) (namesSize >>> 16);
        c[7] = (byte) (namesSize >>> 24);
        return c;
    }
}
