package io.vgpio.decode.tests;

/** Sends UART frames on one line of a {@link Wave}, with deliberate parity, framing errors and breaks. */
final class UartLine {
    final Wave wave;
    private final String line;
    private final long bit;
    private final int dataBits;
    private final String parity;
    private final boolean invert;

    /** @param parity none, even or odd */
    UartLine(Wave wave, String line, int baud, int dataBits, String parity, boolean invert) {
        this.wave = wave;
        this.line = line;
        this.bit = Math.round(1e9 / baud);
        this.dataBits = dataBits;
        this.parity = parity;
        this.invert = invert;
        wave.initial(line, invert ? 0 : 1);
    }

    private void level(int logical) {
        wave.set(line, invert ? 1 - logical : logical);
    }

    UartLine idle(long nanos) {
        level(1);
        wave.hold(nanos);
        return this;
    }

    UartLine idleBits(int bits) {
        return idle(bits * bit);
    }

    UartLine frame(int value) {
        return frame(value, false, 1);
    }

    /** A frame with the parity bit flipped when {@code badParity}, and stop bit {@code stop} (0: framing error). */
    UartLine frame(int value, boolean badParity, int stop) {
        level(0);
        wave.hold(bit);
        for (int i = 0; i < dataBits; i++) {
            level(value >> i & 1);
            wave.hold(bit);
        }
        if (!parity.equals("none")) {
            int p = Integer.bitCount(value & ((1 << dataBits) - 1)) & 1;
            if (parity.equals("odd")) {
                p ^= 1;
            }
            level(badParity ? p ^ 1 : p);
            wave.hold(bit);
        }
        level(stop);
        wave.hold(bit);
        level(1);
        return this;
    }

    UartLine text(String s) {
        for (char c : s.toCharArray()) {
            frame(c);
        }
        return this;
    }

    /** The line low for {@code bits} bit times. */
    UartLine breakFor(int bits) {
        level(0);
        wave.hold(bits * bit);
        level(1);
        return this;
    }

    /** A low spike much shorter than a bit. */
    UartLine glitch(long nanos) {
        level(0);
        wave.hold(nanos);
        level(1);
        return this;
    }
}
