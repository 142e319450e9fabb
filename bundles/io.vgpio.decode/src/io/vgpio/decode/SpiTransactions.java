package io.vgpio.decode;

import java.util.StringJoiner;

/**
 * SPI transactions for the summary: from CS asserted to CS released, {@code mosi [9f 00 00] miso [ff ef 40]};
 * without CS, every word is a transaction of its own.
 */
final class SpiTransactions {
    private final DecodeListener listener;
    private final boolean hasMosi;
    private final boolean hasMiso;
    private long start = -1;
    private StringJoiner mosi;
    private StringJoiner miso;
    private int words;
    private boolean selected;

    SpiTransactions(DecodeListener listener, boolean hasMosi, boolean hasMiso) {
        this.listener = listener;
        this.hasMosi = hasMosi;
        this.hasMiso = hasMiso;
        clear();
    }

    private void clear() {
        mosi = new StringJoiner(" ", "mosi [", "]");
        miso = new StringJoiner(" ", "miso [", "]");
        words = 0;
    }

    void select(long t) {
        selected = true;
        start = t;
        clear();
    }

    void word(long wordStart, long wordEnd, int mosiWord, int misoWord) {
        mosi.add(Annotation.hex(mosiWord));
        miso.add(Annotation.hex(misoWord));
        words++;
        if (!selected) {
            report(wordStart, wordEnd, "");
        }
    }

    void release(long t) {
        if (selected && words > 0) {
            report(start, t, "");
        }
        selected = false;
        clear();
    }

    void cut(long endNs) {
        if (selected && words > 0) {
            report(start, endNs, " (cut off)");
        }
    }

    private void report(long from, long to, String suffix) {
        String s = (hasMosi ? mosi.toString() : "") + (hasMosi && hasMiso ? " " : "") + (hasMiso ? miso.toString() : "");
        listener.transaction(new Transaction(from, to, s + suffix));
        clear();
    }
}
