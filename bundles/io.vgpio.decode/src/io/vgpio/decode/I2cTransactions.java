package io.vgpio.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds the summary of I2C transactions from the decoder's findings: one per START ... STOP, one part per
 * (repeated) START, e.g. {@code write 0x48 [00]; read 0x48 [17 80]}. An address byte 11110xxW starts a 10-bit
 * address whose low eight bits follow as the next byte ({@code write 0x2a5 (10-bit) [01]}); a read after a
 * repeated START with 11110xxR reads from that address. A write the target NACKed ends in {@code NACK}; a
 * transaction the input cuts off ends in {@code (cut off)}.
 */
final class I2cTransactions {
    private final DecodeListener listener;
    private final List<String> parts = new ArrayList<>();
    private long start = -1;
    private boolean open;
    // the part in progress
    private String address;
    private boolean read;
    private StringJoiner bytes;
    private boolean nacked;
    private boolean expectTenBitLow;
    private int tenBitHigh;
    private int tenBitAddress = -1;

    I2cTransactions(DecodeListener listener) {
        this.listener = listener;
    }

    void start(long t, boolean repeated) {
        if (repeated && open) {
            closePart();
        } else {
            parts.clear();
            start = t;
            open = true;
            tenBitAddress = -1;
        }
    }

    void address(int addressByte) {
        closePart();
        read = (addressByte & 1) != 0;
        bytes = new StringJoiner(" ", "[", "]");
        nacked = false;
        if ((addressByte & 0xf8) == 0xf0) {
            tenBitHigh = addressByte >> 1 & 3;
            if (!read) {
                expectTenBitLow = true;
                address = "0x" + tenBitHigh + "?? (10-bit)";
            } else if (tenBitAddress >> 8 == tenBitHigh) {
                address = String.format("0x%03x (10-bit)", tenBitAddress);
            } else {
                address = "0x" + tenBitHigh + "?? (10-bit)";
            }
        } else {
            address = String.format("0x%02x", addressByte >> 1);
        }
    }

    void data(int value) {
        if (address == null) {
            return;
        }
        if (expectTenBitLow) {
            expectTenBitLow = false;
            tenBitAddress = tenBitHigh << 8 | value;
            address = String.format("0x%03x (10-bit)", tenBitAddress);
            return;
        }
        bytes.add(Annotation.hex(value));
    }

    /** A NACK after a read byte is how a master ends its read; after an address or a written byte, a refusal. */
    void ack(boolean acked) {
        if (!acked && !read) {
            nacked = true;
        }
    }

    void stop(long t) {
        report(t, false);
    }

    void cut(long endNs) {
        report(endNs, true);
    }

    private void report(long end, boolean cut) {
        if (!open) {
            return;
        }
        closePart();
        if (cut) {
            parts.add("(cut off)");
        }
        listener.transaction(new Transaction(start, end, String.join("; ", parts)));
        open = false;
        parts.clear();
    }

    private void closePart() {
        if (address == null) {
            return;
        }
        parts.add((read ? "read " : "write ") + address + " " + bytes + (nacked ? " NACK" : ""));
        address = null;
        expectTenBitLow = false;
    }
}
