package io.vgpio.core;

/**
 * Driver-normative statements of the virtio-gpio specification (VIRTIO 1.2/1.3, "GPIO Device") that a device can
 * observe. A guest that breaks one is recorded with a {@link EventKind#RULE_VIOLATION} event; the device still
 * answers as the specification says. The quoted text is the statement's wording in the released specification.
 */
public enum DriverRule {
    REQUEST_AND_RESPONSE_BUFFERS(0, Severity.MUST, "requestq Operation",
            "The driver MUST queue both struct virtio_gpio_request and virtio_gpio_response for every message sent to the device."),
    REQUEST_READ_ONLY(1, Severity.MUST, "requestq Operation",
            "The struct virtio_gpio_request buffer MUST be filled by the driver and MUST be read-only for the device."),
    RESPONSE_WRITABLE(2, Severity.MUST, "requestq Operation",
            "The struct virtio_gpio_response buffer MUST be filled by the device and MUST be writable by the device."),
    IRQ_WITHOUT_FEATURE(3, Severity.MUST, "requestq Operation",
            "The driver MUST NOT send IRQ messages if the VIRTIO_GPIO_F_IRQ feature has not been negotiated."),
    IRQ_ON_OUTPUT(4, Severity.MUST, "requestq Operation",
            "The driver MUST NOT send IRQ messages for a GPIO line configured for output."),
    IRQ_NOT_DISABLED_ON_RELEASE(5, Severity.MUST, "requestq Operation",
            "The driver MUST set the IRQ trigger type to VIRTIO_GPIO_IRQ_TYPE_NONE once it is done using the GPIO line configured for interrupts."),
    TRIGGER_CHANGE_WITHOUT_NONE(6, Severity.MUST, "requestq Operation",
            "In order to change the trigger type of an already enabled interrupt, the driver MUST first disable the interrupt and then re-enable it with appropriate trigger type."),
    OUTPUT_BEFORE_VALUE(7, Severity.SHOULD, "requestq Operation / Set Direction",
            "The driver should set the value of the GPIO line, using the VIRTIO_GPIO_MSG_SET_VALUE message, before setting the direction of the line to output to avoid any undesired behavior."),
    LINE_OUT_OF_RANGE(8, Severity.MUST, "requestq Operation",
            "gpio is the GPIO line number, i.e. 0 <= gpio < ngpio."),
    UNKNOWN_MESSAGE(9, Severity.MUST, "requestq Operation",
            "type is the GPIO message type, i.e. one of VIRTIO_GPIO_MSG_* values."),
    UNMASK_BEFORE_ENABLE(10, Severity.MUST, "eventq Operation",
            "The driver MUST enable the interrupt before unmasking it."),
    SEPARATE_EVENT_BUFFERS(11, Severity.MUST, "eventq Operation",
            "To unmask the interrupt, the driver MUST queue a separate pair of buffers to the eventq virtqueue for each GPIO line."),
    MULTIPLE_EVENT_BUFFERS(12, Severity.MUST, "eventq Operation",
            "The driver MUST NOT add multiple pairs of buffers for the same GPIO line on the eventq virtqueue.");

    /** Strength of the statement. */
    public enum Severity {
        MUST, SHOULD
    }

    private static final DriverRule[] BY_WIRE = WireNumbers.index(values(), DriverRule::wire);
    private final int wire;
    private final Severity severity;
    private final String section;
    private final String statement;

    DriverRule(int wire, Severity severity, String section, String statement) {
        this.wire = wire;
        this.severity = severity;
        this.section = section;
        this.statement = statement;
    }

    public Severity severity() {
        return severity;
    }

    /** Section of "Device Types / GPIO Device" that holds the statement. */
    public String section() {
        return "Device Types / GPIO Device / " + section;
    }

    /** The statement as the specification words it. */
    public String statement() {
        return statement;
    }

    /** The rule's number in RULE_VIOLATION events and traces; fixed forever. */
    public int wire() {
        return wire;
    }

    /** The rule with this wire number, or null. */
    public static DriverRule fromWire(long wire) {
        return WireNumbers.lookup(BY_WIRE, wire);
    }
}
