package io.vgpio.decode;

/**
 * One decoded fact on the time axis.
 *
 * @param startNs where it starts, ns from the start of the input
 * @param endNs where it ends (equal to the start for a point such as a START condition)
 * @param kind what it is
 * @param value the byte, word, address or bit it carries, or {@link #NO_VALUE}
 * @param lane which of the decoder's outputs it belongs to (UART: 0 for RX, 1 for TX; 0 elsewhere), so that a
 *            view can put each direction in its own row
 * @param digits the hex digits the value is printed with at least: 2, or 3 for a 9-bit UART frame (as sigrok
 *            pads it)
 */
public record Annotation(long startNs, long endNs, AnnotationKind kind, int value, int lane, int digits) {
    public Annotation(long startNs, long endNs, AnnotationKind kind, int value, int lane) {
        this(startNs, endNs, kind, value, lane, 2);
    }

    /** The value of an annotation that carries none (START, STOP, ACK, ...). */
    public static final int NO_VALUE = -1;

    public boolean hasValue() {
        return value != NO_VALUE;
    }

    /** {@code START_NS END_NS KIND [VALUE]}, VALUE in two-digit (or more) lower-case hex: the CLI's line. */
    public String format() {
        return startNs + " " + endNs + " " + text();
    }

    /** {@code KIND [VALUE]}, e.g. {@code address-write 48} or {@code start}. */
    public String text() {
        return hasValue() ? kind.label() + " " + valueText() : kind.label();
    }

    /** The value in lower-case hex, {@link #digits} wide at least. */
    public String valueText() {
        String h = hex(value);
        return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
    }

    /** Two lower-case hex digits, more when the value needs them (9-bit UART frames, wide SPI words). */
    public static String hex(int value) {
        // not String.format: a million-edge capture prints a hundred thousand of these
        String h = Integer.toHexString(value);
        return h.length() == 1 ? "0" + h : h;
    }
}
