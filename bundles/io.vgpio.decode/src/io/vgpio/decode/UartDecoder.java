package io.vgpio.decode;

/**
 * UART: one frame per start bit, on RX and TX independently (each optional). Each bit is sampled once, in its
 * middle, counted from the start bit's falling edge exactly as sigrok's uart decoder counts (in 1 ns samples), so
 * both find the same frames, frame errors (a start bit gone high again, a stop bit low), parity errors and breaks
 * (the line low for at least a whole frame). Like sigrok it checks the first stop bit and then looks for the next
 * start bit at once; the stop bits count only in how long a break must be.
 */
public final class UartDecoder extends SampledDecoder {
    public static final int RX = 0;
    public static final int TX = 1;

    /** Parity of a frame. */
    public enum Parity {
        NONE, EVEN, ODD;

        /** The parity named as sigrok and the CLI name it ({@code none}, {@code even}, {@code odd}), or null. */
        public static Parity named(String name) {
            return switch (name) {
                case "none" -> NONE;
                case "even" -> EVEN;
                case "odd" -> ODD;
                default -> null;
            };
        }
    }

    /** Stop bits written as the CLI writes them ({@code 1}, {@code 1.5}, {@code 2}), or NaN for anything else. */
    public static double stopBitsNamed(String name) {
        return switch (name) {
            case "1" -> 1;
            case "1.5" -> 1.5;
            case "2" -> 2;
            default -> Double.NaN;
        };
    }

    /**
     * @param baud bits per second
     * @param dataBits 5 to 9
     * @param stopBits 1, 1.5 or 2
     * @param invert the line idles low (RS-232 levels seen before a level shifter)
     */
    public record Options(int baud, int dataBits, Parity parity, double stopBits, boolean invert, boolean hasRx,
            boolean hasTx) {
        public Options {
            if (baud < 1 || baud > 100_000_000) {
                throw new IllegalArgumentException("baud rate must be from 1 to 100000000, not " + baud);
            }
            if (dataBits < 5 || dataBits > 9) {
                throw new IllegalArgumentException("data bits must be from 5 to 9, not " + dataBits);
            }
            if (stopBits != 1 && stopBits != 1.5 && stopBits != 2) {
                throw new IllegalArgumentException("stop bits must be 1, 1.5 or 2, not " + stopBits);
            }
            if (!hasRx && !hasTx) {
                throw new IllegalArgumentException("UART needs RX or TX (or both)");
            }
        }

        /** The width of one bit in ns: sigrok's bit width in samples at 1 GHz. */
        double bitWidth() {
            return 1e9 / baud;
        }
    }

    private final Options options;
    private final UartLane[] lanes;

    public UartDecoder(Options options, DecodeListener listener) {
        super(listener);
        this.options = options;
        UartTransactions transactions = new UartTransactions(listener, options);
        lanes = new UartLane[] {
            options.hasRx() ? new UartLane(RX, options, this::emit, transactions) : null,
            options.hasTx() ? new UartLane(TX, options, this::emit, transactions) : null,
        };
    }

    /** The level a line idles at, for a caller that feeds no TX (or RX) line. */
    public int[] idleLevels() {
        int idle = options.invert() ? 0 : 1;
        return new int[] {idle, idle};
    }

    @Override
    protected void sample(long t, int levels, int previous) {
        for (UartLane lane : lanes) {
            if (lane != null) {
                lane.sample(t, levels >> lane.channel() & 1, previous >> lane.channel() & 1);
            }
        }
    }

    @Override
    protected long deadline() {
        long d = NEVER;
        for (UartLane lane : lanes) {
            if (lane != null) {
                d = Math.min(d, lane.deadline());
            }
        }
        return d;
    }

    @Override
    protected void finish(long endNs) {
        for (UartLane lane : lanes) {
            if (lane != null) {
                lane.finish(endNs);
            }
        }
    }
}
