package io.vgpio.ui.console;

import io.vgpio.core.EventFormat;
import io.vgpio.core.EventKind;
import io.vgpio.session.DeviceSession;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Feeds {@link ConsoleBuffer#DEVICE}: the libraries' log records (java.util.logging under System.Logger) and, from
 * the event log, what needs attention (connections, driver-rule violations, malformed chains).
 */
public final class DeviceLogHandler extends Handler {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static DeviceLogHandler installed;

    private long nextSeq;
    private DeviceSession followed;

    /** Installs the handler on the io.vgpio loggers once. */
    public static synchronized DeviceLogHandler install() {
        if (installed == null) {
            installed = new DeviceLogHandler();
            Logger l = Logger.getLogger("io.vgpio");
            l.addHandler(installed);
            l.setLevel(Level.INFO);
        }
        return installed;
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        String msg = new java.util.logging.SimpleFormatter().formatMessage(r);
        String level = r.getLevel().intValue() >= Level.WARNING.intValue()
                ? r.getLevel().getName().toLowerCase(Locale.ROOT) + ": " : "";
        ConsoleBuffer.DEVICE.append(LocalTime.now().format(TIME) + "  " + level + msg);
    }

    /**
     * Copies new attention-worthy events of the device into the buffer (called from the console's UI timer). When
     * the device changed, the previous one's last events come first: its frontend's disconnect is logged as it
     * closes, after the console last looked.
     */
    public synchronized void poll(DeviceSession host) {
        if (host != followed) {
            if (followed != null) {
                copyNew(followed);
            }
            followed = host;
            nextSeq = host == null ? 0 : host.log().firstSeq();
        }
        if (host != null) {
            copyNew(host);
        }
    }

    private void copyNew(DeviceSession host) {
        EventFormat f = new EventFormat(host.config());
        long start = host.log().startNanos();
        nextSeq = host.log().read(nextSeq, 10_000, (seq, t, kind, line, a, b) -> {
            if (kind == EventKind.RULE_VIOLATION || kind == EventKind.CHAIN_ERROR || kind == EventKind.CONNECTION) {
                ConsoleBuffer.DEVICE.append(String.format(Locale.ROOT, "[%12.6f] %s", (t - start) / 1e9,
                        f.describe(kind, line, a, b)));
            }
        });
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
