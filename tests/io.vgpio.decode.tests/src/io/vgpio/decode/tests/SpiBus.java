package io.vgpio.decode.tests;

/** Clocks SPI words onto a {@link Wave} (lines CLK, MOSI, MISO, CS) in any mode, bit order and word size. */
final class SpiBus {
    final Wave wave;
    private final int cpol;
    private final int cpha;
    private final boolean lsbFirst;
    private final int wordSize;
    private final int csActive;
    private final long half;

    SpiBus(Wave wave, int mode, boolean lsbFirst, int wordSize, boolean csActiveHigh, long bitNanos) {
        this.wave = wave;
        this.cpol = mode >> 1;
        this.cpha = mode & 1;
        this.lsbFirst = lsbFirst;
        this.wordSize = wordSize;
        this.csActive = csActiveHigh ? 1 : 0;
        this.half = bitNanos / 2;
        wave.initial("CLK", cpol).initial("CS", 1 - csActive);
    }

    static Wave newWave() {
        return new Wave("CLK", "MOSI", "MISO", "CS");
    }

    SpiBus select() {
        wave.set("CS", csActive).hold(half);
        return this;
    }

    SpiBus release() {
        wave.hold(half).set("CS", 1 - csActive).hold(half);
        return this;
    }

    SpiBus idle(long nanos) {
        wave.hold(nanos);
        return this;
    }

    SpiBus word(int mosi, int miso) {
        for (int i = 0; i < wordSize; i++) {
            int shift = lsbFirst ? i : wordSize - 1 - i;
            if (cpha == 0) {
                data(mosi >> shift & 1, miso >> shift & 1);
                wave.hold(half).set("CLK", 1 - cpol).hold(half).set("CLK", cpol);
            } else {
                wave.set("CLK", 1 - cpol).hold(10);
                data(mosi >> shift & 1, miso >> shift & 1);
                wave.hold(half - 10).set("CLK", cpol).hold(half);
            }
        }
        return this;
    }

    private void data(int mosi, int miso) {
        wave.set("MOSI", mosi).set("MISO", miso);
    }

    SpiBus transfer(int[] mosi, int[] miso) {
        select();
        for (int i = 0; i < mosi.length; i++) {
            word(mosi[i], miso[i]);
        }
        return release();
    }
}
