package io.vgpio.decode;

import java.util.StringJoiner;

/** 1-Wire transactions for the summary: a reset, whether a device answered, and the bytes until the next reset. */
final class OneWireTransactions {
    private final DecodeListener listener;
    private long start = -1;
    private long end;
    private String presence = "";
    private StringJoiner bytes = new StringJoiner(" ", "[", "]");

    OneWireTransactions(DecodeListener listener) {
        this.listener = listener;
    }

    void reset(long t) {
        report();
        start = t;
        end = t;
        presence = "";
    }

    void presence(boolean present) {
        presence = present ? "presence" : "no presence";
    }

    void data(int value, long t) {
        if (start < 0) {
            return;
        }
        bytes.add(Annotation.hex(value));
        end = t;
    }

    void finish(long endNs) {
        report();
    }

    private void report() {
        if (start >= 0) {
            listener.transaction(new Transaction(start, end, "reset, " + presence + " " + bytes));
        }
        start = -1;
        bytes = new StringJoiner(" ", "[", "]");
    }
}
