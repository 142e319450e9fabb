package io.vgpio.decode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast a decoder runs: 1,000,000 edges of I2C traffic at 400 kHz (writes and reads with repeated STARTs,
 * every byte different) through {@link I2cDecoder} with a listener that only counts, as {@code vgpio decode} feeds
 * a file. Figures for {@code vgpio bench --decode}; the tests check only that the decoding is right.
 */
public final class DecodeBenchmark {
    private static final long QUARTER = 625; // ns: a 400 kHz clock

    private DecodeBenchmark() {
    }

    /** Figures of one run. */
    public record Result(int edges, int annotations, int transactions, double bestMs, double medianMs) {
        public double edgesPerSecond() {
            return edges / (bestMs / 1000);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "i2c: %,d edges decoded in %.1f ms (median of %s runs %.1f ms): "
                    + "%,.0f edges/s; %,d annotations, %,d transactions", edges, bestMs, RUNS, medianMs,
                    edgesPerSecond(), annotations, transactions);
        }
    }

    private static final int RUNS = 15;

    /** I2C edges on SCL (line 0) and SDA (line 1), about {@code edges} of them. */
    public static Signals i2cTraffic(int edges) {
        Bus bus = new Bus();
        int value = 0;
        while (bus.edges < edges) {
            value = (value + 37) & 0xff;
            bus.set(SDA, 0).set(SCL, 0); // START
            bus.writeByte(0x48 << 1).writeByte(value);
            bus.set(SDA, 1).set(SCL, 1).set(SDA, 0).set(SCL, 0); // repeated START
            bus.writeByte(0x48 << 1 | 1).writeByte(value ^ 0x5a);
            bus.set(SDA, 0).set(SCL, 1).set(SDA, 1); // STOP
        }
        return bus.builder.build(bus.time + 1000);
    }

    private static final int SCL = 0;
    private static final int SDA = 1;

    /** A bus driven a quarter clock period per step. */
    private static final class Bus {
        final Signals.Builder builder = new Signals.Builder(List.of("SCL", "SDA"), new int[] {1, 1});
        final int[] level = {1, 1};
        long time = 1000;
        int edges;

        Bus set(int line, int value) {
            time += QUARTER;
            if (level[line] != value) {
                level[line] = value;
                builder.change(time, line, value);
                edges++;
            }
            return this;
        }

        /** Eight bits, most significant first, then an ACK; SCL low before and after. */
        Bus writeByte(int value) {
            for (int i = 7; i >= -1; i--) {
                set(SDA, i < 0 ? 0 : value >> i & 1).set(SCL, 1);
                time += QUARTER;
                set(SCL, 0);
            }
            return this;
        }
    }

    public static Result run(int edges) {
        Signals s = i2cTraffic(edges);
        double[] ms = new double[RUNS];
        int[] annotations = new int[1];
        int[] transactions = new int[1];
        DecodeListener counter = new DecodeListener() {
            @Override
            public void annotation(Annotation a) {
                annotations[0]++;
            }

            @Override
            public void transaction(Transaction t) {
                transactions[0]++;
            }
        };
        for (int r = 0; r < RUNS; r++) {
            annotations[0] = 0;
            transactions[0] = 0;
            long start = System.nanoTime();
            s.feed(new I2cDecoder(counter), new int[] {0, 1}, new int[] {1, 1});
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Result(s.changes(), annotations[0], transactions[0], sorted[0], sorted[RUNS / 2]);
    }
}
