package io.vgpio.decode;

/**
 * The 1-Wire link layer's time limits in µs, at standard speed and at overdrive, as sigrok's onewire_link decoder
 * uses them (from Maxim's application note 126): a low of RSTL or more is a reset, a slot's low shorter than LOWR
 * is a 1, a device's presence pulse starts within PDH after the reset, a slot lasts at least SLOT.
 */
record OneWireTiming(double resetMin, double resetMax, double presenceHighMax, double resetHighMin,
        double slotMin, double slotMax, double oneMax) {
    static final OneWireTiming STANDARD = new OneWireTiming(480, 960, 60, 480, 60, 120, 15);
    static final OneWireTiming OVERDRIVE = new OneWireTiming(48, 80, 6, 48, 6, 16, 2);

    /** A time limit in whole 1 ns samples, rounded as sigrok rounds it (at a sample rate of 1 GHz). */
    static long samples(double micros) {
        return (long) ((micros / 1000000.0) * 1e9);
    }

    /** A duration in ns as µs, computed as sigrok computes it. */
    static double micros(long nanos) {
        return (nanos / 1e9) * 1000000.0;
    }
}
