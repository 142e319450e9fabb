package io.vgpio.decode;

/**
 * SPI: one word per direction each {@code wordSize} clock edges of the mode's sampling edge (rising in modes 0 and
 * 3, falling in 1 and 2), while CS is asserted. MOSI and MISO are each optional, and so is CS; without it every
 * sampling edge counts. A change of CS starts a new word, as in sigrok's spi decoder, whose order (MISO before
 * MOSI for the same word) and times this follows. A transaction runs from CS asserted to CS released.
 */
public final class SpiDecoder extends SampledDecoder {
    public static final int CLK = 0;
    public static final int MOSI = 1;
    public static final int MISO = 2;
    public static final int CS = 3;

    /**
     * @param mode 0 to 3: clock polarity is bit 1, clock phase bit 0
     * @param wordSize bits per word, 1 to 32
     */
    public record Options(int mode, boolean lsbFirst, boolean csActiveHigh, int wordSize, boolean hasMosi,
            boolean hasMiso, boolean hasCs) {
        public Options {
            if (mode < 0 || mode > 3) {
                throw new IllegalArgumentException("SPI mode must be 0, 1, 2 or 3, not " + mode);
            }
            if (wordSize < 1 || wordSize > 32) {
                throw new IllegalArgumentException("SPI word size must be from 1 to 32 bits, not " + wordSize);
            }
            if (!hasMosi && !hasMiso) {
                throw new IllegalArgumentException("SPI needs MOSI or MISO (or both)");
            }
        }

        /** Modes 0 and 3 sample on the rising edge, 1 and 2 on the falling one. */
        boolean samplesOnRising() {
            return mode == 0 || mode == 3;
        }
    }

    private final Options options;
    private final SpiTransactions transactions;
    private int bitCount;
    private int mosiWord;
    private int misoWord;
    private long wordStart;
    private long previousBit;

    public SpiDecoder(Options options, DecodeListener listener) {
        super(listener);
        this.options = options;
        this.transactions = new SpiTransactions(listener, options.hasMosi(), options.hasMiso());
    }

    /** The level CS idles at, for a caller that feeds no CS line. */
    public int[] idleLevels() {
        return new int[] {options.mode() >> 1, 0, 0, options.csActiveHigh() ? 0 : 1};
    }

    private boolean selected(int levels) {
        return !options.hasCs() || high(levels, CS) == options.csActiveHigh();
    }

    @Override
    protected void first(long t, int levels) {
        if (options.hasCs() && selected(levels)) {
            transactions.select(t);
        }
    }

    @Override
    protected void sample(long t, int levels, int previous) {
        if (options.hasCs() && changed(levels, previous, CS)) {
            if (selected(levels)) {
                transactions.select(t);
            } else {
                transactions.release(t);
            }
            bitCount = 0;
            mosiWord = 0;
            misoWord = 0;
        }
        if (!selected(levels) || !changed(levels, previous, CLK)) {
            return;
        }
        if (high(levels, CLK) == options.samplesOnRising()) {
            bit(t, levels);
        }
    }

    private void bit(long t, int levels) {
        if (bitCount == 0) {
            wordStart = t;
        }
        int shift = options.lsbFirst() ? bitCount : options.wordSize() - 1 - bitCount;
        mosiWord |= (levels >> MOSI & 1) << shift;
        misoWord |= (levels >> MISO & 1) << shift;
        // sigrok ends the last bit as far after its edge as the bit before it lasted
        long end = bitCount == 0 ? t : t + (t - previousBit);
        previousBit = t;
        if (++bitCount < options.wordSize()) {
            return;
        }
        if (options.hasMiso()) {
            emit(wordStart, end, AnnotationKind.MISO_DATA, misoWord);
        }
        if (options.hasMosi()) {
            emit(wordStart, end, AnnotationKind.MOSI_DATA, mosiWord);
        }
        transactions.word(wordStart, end, mosiWord, misoWord);
        bitCount = 0;
        mosiWord = 0;
        misoWord = 0;
    }

    @Override
    protected void finish(long endNs) {
        transactions.cut(endNs);
    }
}
