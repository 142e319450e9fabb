package io.vgpio.decode;

/**
 * UART transactions for the summary: a burst of frames on one direction, ended by a pause of more than two frame
 * times, e.g. {@code rx [48 69 0d 0a] "Hi.."} (printable ASCII shown, others as dots), with the errors counted.
 */
final class UartTransactions {
    private final DecodeListener listener;
    private final long gap;
    private final Burst[] bursts = {new Burst("rx"), new Burst("tx")};

    private static final class Burst {
        final String name;
        final StringBuilder hex = new StringBuilder();
        final StringBuilder text = new StringBuilder();
        long start = -1;
        long end;
        int errors;

        Burst(String name) {
            this.name = name;
        }
    }

    UartTransactions(DecodeListener listener, UartDecoder.Options options) {
        this.listener = listener;
        double frameBits = 1 + options.dataBits() + (options.parity() == UartDecoder.Parity.NONE ? 0 : 1)
                + options.stopBits();
        this.gap = (long) Math.ceil(2 * frameBits * options.bitWidth());
    }

    void frame(int lane, long start, long end, int value) {
        Burst b = bursts[lane];
        if (b.start >= 0 && start - b.end > gap) {
            report(b);
        }
        if (b.start < 0) {
            b.start = start;
        } else {
            b.hex.append(' ');
        }
        b.hex.append(Annotation.hex(value));
        b.text.append(value >= 32 && value < 127 ? (char) value : '.');
        b.end = end;
    }

    void error(int lane, long t) {
        Burst b = bursts[lane];
        if (b.start >= 0) {
            b.errors++;
            b.end = Math.max(b.end, t);
        }
    }

    void finish(int lane, long endNs) {
        if (bursts[lane].start >= 0) {
            report(bursts[lane]);
        }
    }

    private void report(Burst b) {
        String errors = b.errors == 0 ? "" : b.errors == 1 ? " (1 error)" : " (" + b.errors + " errors)";
        listener.transaction(new Transaction(b.start, b.end, b.name + " [" + b.hex + "] \"" + b.text + "\"" + errors));
        b.hex.setLength(0);
        b.text.setLength(0);
        b.start = -1;
        b.errors = 0;
    }
}
