package io.vgpio.decode;

/**
 * One bus transaction as a firmware developer reads it, e.g. {@code write 0x48 [00]; read 0x48 [17 80]} for an I2C
 * transfer from START to STOP.
 */
public record Transaction(long startNs, long endNs, String summary) {
    /** {@code START_NS END_NS SUMMARY}: the line {@code vgpio decode --format summary} prints. */
    public String format() {
        return startNs + " " + endNs + " " + summary;
    }
}
