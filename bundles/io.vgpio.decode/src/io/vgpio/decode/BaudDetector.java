package io.vgpio.decode;

/**
 * Guesses a UART's baud rate from the shortest pulse on its lines: in any traffic with both a 0 and a 1 next to
 * each other somewhere, the shortest time between two changes is one bit. The guess snaps to a standard rate
 * within 3 %, since a sampled edge can be off by a sample or two.
 */
public final class BaudDetector {
    private static final int[] STANDARD = {300, 600, 1200, 1800, 2400, 4800, 9600, 14400, 19200, 28800, 38400,
        57600, 76800, 115200, 153600, 230400, 250000, 460800, 500000, 921600, 1000000, 1500000, 2000000, 3000000,
        4000000};

    private BaudDetector() {
    }

    /** The baud rate of the given lines of {@code signals}, or 0 when they hold no two changes to measure. */
    public static int detect(Signals signals, int... lines) {
        long shortest = Long.MAX_VALUE;
        for (int line : lines) {
            if (line >= 0) {
                shortest = Math.min(shortest, signals.shortestPulse(line));
            }
        }
        return shortest == Long.MAX_VALUE ? 0 : fromPulse(shortest);
    }

    /** The baud rate whose bit lasts {@code nanos}, snapped to a standard rate when one is within 3 %. */
    public static int fromPulse(long nanos) {
        double raw = 1e9 / Math.max(1, nanos);
        for (int rate : STANDARD) {
            if (Math.abs(raw - rate) <= rate * 0.03) {
                return rate;
            }
        }
        return (int) Math.max(1, Math.min(100_000_000, Math.round(raw)));
    }
}
