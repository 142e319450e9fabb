package io.vgpio.app.cli;

import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Routes the libraries' System.Logger output (java.util.logging underneath) to stderr in one-line form. */
final class CliLogging {
    private CliLogging() {
    }

    /** verbosity 0: warnings and connection news; 1: + device traffic; 2: + every vhost-user message. */
    static void configure(int verbosity) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        // ConsoleHandler writes to System.err. (Do not call setOutputStream(System.err): JUL closes the stream it
        // replaces, which is System.err itself.)
        Handler h = new ConsoleHandler();
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String msg = formatMessage(r);
                String level = r.getLevel().intValue() >= Level.WARNING.intValue()
                        ? r.getLevel().getName().toLowerCase() + ": " : "";
                StringBuilder b = new StringBuilder("vgpio: ").append(level).append(msg).append('\n');
                if (r.getThrown() != null) {
                    b.append("  ").append(r.getThrown()).append('\n');
                }
                return b.toString();
            }
        });
        Level level = verbosity >= 2 ? Level.FINE : Level.INFO;
        h.setLevel(level);
        root.addHandler(h);
        root.setLevel(level);
    }

    static PrintStream err() {
        return System.err;
    }
}
