package io.vgpio.vhost.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects what the backend logs (System.Logger "io.vgpio.vhost", java.util.logging underneath) while open. */
final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.vgpio.vhost");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        logger.addHandler(handler);
    }

    /** Formatted messages of WARNING and above. */
    List<String> warnings() {
        SimpleFormatter f = new SimpleFormatter();
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(f::formatMessage).toList();
    }

    /** How many warnings contain the fragment. */
    long warningsWith(String fragment) {
        return warnings().stream().filter(m -> m.contains(fragment)).count();
    }

    /** Records that carry a throwable (a stack trace in the log). */
    List<LogRecord> withStackTraces() {
        return records.stream().filter(r -> r.getThrown() != null).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
