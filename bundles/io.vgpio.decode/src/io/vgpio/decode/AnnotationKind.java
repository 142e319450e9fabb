package io.vgpio.decode;

/**
 * What an annotation says. The labels are sigrok's annotation class names (lower case with hyphens), so that the
 * CLI's output reads like sigrok's and can be compared with it line by line; {@link #BYTE} is ours (sigrok's 1-Wire
 * link layer leaves bytes to its network layer).
 */
public enum AnnotationKind {
    // I2C
    START("start"), REPEAT_START("repeat-start"), STOP("stop"), ACK("ack"), NACK("nack"),
    ADDRESS_READ("address-read"), ADDRESS_WRITE("address-write"), DATA_READ("data-read"), DATA_WRITE("data-write"),
    // SPI
    MOSI_DATA("mosi-data"), MISO_DATA("miso-data"),
    // UART
    RX_DATA("rx-data"), TX_DATA("tx-data"), FRAME_ERROR("frame-error"), PARITY_ERROR("parity-error"),
    BREAK("break"),
    // 1-Wire link layer
    RESET("reset"), PRESENCE("presence"), BIT("bit"), BYTE("byte");

    private final String label;

    AnnotationKind(String label) {
        this.label = label;
    }

    /** The name printed by {@code vgpio decode}, e.g. {@code address-write}. */
    public String label() {
        return label;
    }
}
