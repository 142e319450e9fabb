package io.vgpio.core;

/** Wire constants of the virtio-gpio device that are not enumerations. */
public final class Protocol {
    private Protocol() {
    }

    /** virtio device id of GPIO. */
    public static final int DEVICE_ID = 41;
    /** Feature bit: the device supports interrupts (eventq). */
    public static final int F_IRQ = 0;

    public static final int STATUS_OK = 0x0;
    public static final int STATUS_ERR = 0x1;

    public static final int IRQ_STATUS_INVALID = 0x0;
    public static final int IRQ_STATUS_VALID = 0x1;

    /** Size of struct virtio_gpio_request. */
    public static final int REQUEST_SIZE = 8;
    /** Size of struct virtio_gpio_response: the status and one value byte. */
    public static final int RESPONSE_SIZE = 2;
    /**
     * Size of the status byte alone: the whole response to GET_LINE_NAMES when it fails, and what precedes the names
     * when it does not.
     */
    public static final int STATUS_SIZE = 1;
    /** Size of struct virtio_gpio_irq_request. */
    public static final int IRQ_REQUEST_SIZE = 2;
    /** Size of struct virtio_gpio_irq_response. */
    public static final int IRQ_RESPONSE_SIZE = 1;
    /** Size of struct virtio_gpio_config. */
    public static final int CONFIG_SIZE = 8;

    public static final int REQUEST_QUEUE = 0;
    public static final int EVENT_QUEUE = 1;
    public static final int MAX_LINES = 65535;
}
