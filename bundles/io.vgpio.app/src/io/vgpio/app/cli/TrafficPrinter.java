package io.vgpio.app.cli;

import io.vgpio.core.EventFormat;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Follows the event log and prints it decoded, on its own thread, so the device never waits for the terminal. It
 * looks for new events every {@value #PERIOD_MILLIS} ms rather than being woken per event: a wake-up per request
 * would put a second thread on the CPU in the device's hot path.
 * Verbosity 0 prints what needs attention (connections, driver-rule violations, bad chains), at most
 * {@value #WARNINGS_PER_SECOND} a second; verbosity 1 and up prints every event.
 */
final class TrafficPrinter implements Runnable {
    static final int WARNINGS_PER_SECOND = 20;
    static final int PERIOD_MILLIS = 50;

    private final EventLog log;
    private final EventFormat format;
    private final int verbosity;
    private final PrintStream out;
    private volatile boolean stopped;
    private long windowStart;
    private int inWindow;
    private long suppressed;

    TrafficPrinter(EventLog log, EventFormat format, int verbosity, PrintStream out) {
        this.log = log;
        this.format = format;
        this.verbosity = verbosity;
        this.out = out;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long next = 0;
        StringBuilder batch = new StringBuilder();
        try {
            while (!stopped) {
                Thread.sleep(PERIOD_MILLIS);
                if (log.nextSeq() <= next) {
                    continue;
                }
                long first = log.firstSeq();
                if (first > next) {
                    batch.append(String.format(Locale.ROOT,
                            "vgpio: %d events were dropped before they could be printed (the event log ring is full)%n",
                            first - next));
                    next = first;
                }
                next = log.read(next, 4096, (seq, t, kind, line, a, b) -> {
                    if (verbosity >= 1 || needsAttention(kind)) {
                        if (verbosity >= 1 || admit(t)) {
                            batch.append(String.format(Locale.ROOT, "[%12.6f] ", (t - log.startNanos()) / 1e9))
                                    .append(format.describe(kind, line, a, b)).append('\n');
                        }
                    }
                });
                if (suppressed > 0 && System.nanoTime() - windowStart > 1_000_000_000L) {
                    batch.append("vgpio: ").append(suppressed).append(" more warnings suppressed\n");
                    suppressed = 0;
                }
                if (batch.length() > 0) {
                    out.print(batch);
                    out.flush();
                    batch.setLength(0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean needsAttention(EventKind kind) {
        return kind == EventKind.CONNECTION || kind == EventKind.RULE_VIOLATION || kind == EventKind.CHAIN_ERROR;
    }

    private boolean admit(long t) {
        if (t - windowStart > 1_000_000_000L) {
            windowStart = t;
            inWindow = 0;
        }
        if (inWindow++ < WARNINGS_PER_SECOND) {
            return true;
        }
        suppressed++;
        return false;
    }
}
