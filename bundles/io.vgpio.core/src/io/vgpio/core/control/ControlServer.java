package io.vgpio.core.control;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.Stimulus;
import io.vgpio.core.sockets.PrivateBind;
import io.vgpio.core.sockets.SocketDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The control socket: a UNIX stream socket taking one text command per line, for scripts, tests and other
 * processes that drive inputs. Each client gets its own thread; commands of one client run in order.
 *
 * <pre>
 * set LINE 0|1          -> ok
 * get LINE              -> ok 0|1        (the level the guest would read)
 * pulse LINE MICROS     -> ok            (after the pulse: high for MICROS, then low)
 * state                 -> one line per GPIO line: NUMBER NAME DIRECTION LEVEL IRQTYPE (NAME "-" if unnamed)
 * info                  -> ok lines=N irq=on|off frontend=attached|none
 * events FROM [MAX]     -> ok COUNT NEXT DROPPED END, then COUNT lines: SEQ TIME_NS KIND LINE A B DESCRIPTION
 *                          (the event log from sequence number FROM on, at most MAX (default 1000) events;
 *                          TIME_NS counts from the log's start; NEXT is where to continue; END is the
 *                          sequence number the next appended event will get)
 * help                  -> ok followed by the command list on the same line
 * anything wrong        -> err REASON
 * </pre>
 *
 * LINE is a line number or a line name. Names may contain spaces: everything between the command and its last
 * argument is the line.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.vgpio.control");
    /** Longest pulse accepted: one minute. */
    public static final long MAX_PULSE_MICROS = 60_000_000L;

    /** A command added by another component (e.g. hardware bindings). */
    public interface Command {
        /**
         * @param args the words after the command name
         * @return the answer: "ok ..." or "err REASON" (more lines may follow after a newline)
         */
        String run(String[] args);
    }

    private record Extension(String usage, Command command) {
    }

    private final Map<String, Extension> extensions = new ConcurrentSkipListMap<>();
    private final Path path;
    private final Chip chip;
    private final Supplier<String> frontendState;
    private ServerSocketChannel server;
    private Thread acceptThread;
    private volatile boolean closed;

    /**
     * @param frontendState tells "attached" or "none" for {@code info}
     */
    public ControlServer(Path path, Chip chip, Supplier<String> frontendState) {
        this.path = path.toAbsolutePath();
        this.chip = chip;
        this.frontendState = frontendState;
    }

    public Path path() {
        return path;
    }

    /**
     * Adds a command; {@code help} lists its usage. The built-in commands keep their meaning: a name that is one
     * of them is refused.
     */
    public void addCommand(String name, String usage, Command command) {
        if (BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a built-in control command");
        }
        extensions.put(name, new Extension(usage, command));
    }

    public void removeCommand(String name) {
        extensions.remove(name);
    }

    private static final List<String> BUILT_IN = List.of("set", "get", "pulse", "state", "info", "events", "help");

    public void start() throws IOException {
        SocketDirectory.prepare(path.getParent());
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(path)) {
                throw new IOException(path + " exists and is not a socket; remove it or choose another --control path");
            }
            boolean live;
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                live = true;
            } catch (IOException refused) {
                live = false;
            }
            if (live) {
                throw new IOException("another process already serves the control socket " + path
                        + "; stop it or choose another --control path");
            }
            Files.deleteIfExists(path); // stale, left by a process that died
        }
        server = PrivateBind.bind(path, ControlServer::listen, ControlServer::closeQuietly);
        acceptThread = new Thread(this::acceptLoop, "vgpio-control-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    private static ServerSocketChannel listen(Path at) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            return s.bind(UnixDomainSocketAddress.of(at));
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static void closeQuietly(ServerSocketChannel s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing an unused control socket: {0}", e.getMessage());
        }
    }

    private static boolean isSocket(Path p) throws IOException {
        Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return mode instanceof Integer m && (m & 0170000) == 0140000;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> serve(client), "vgpio-control-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "control socket accept failed: {0}", e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(client)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String answer = execute(line);
                out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "control client went away: {0}", e.getMessage());
        }
    }

    /** Runs one command line and returns the answer (without the final newline). */
    public String execute(String commandLine) {
        String[] t = commandLine.strip().split("\\s+");
        String cmd = t[0].toLowerCase(Locale.ROOT);
        DeviceConfig cfg = chip.config();
        try {
            switch (cmd) {
                case "set" -> {
                    need(t, 3, "set LINE 0|1");
                    int line = line(t, 1, t.length - 1);
                    chip.setInput(line, level(t[t.length - 1]), Cause.USER);
                    return "ok";
                }
                case "get" -> {
                    need(t, 2, "get LINE");
                    return "ok " + chip.guestRead(line(t, 1, t.length));
                }
                case "pulse" -> {
                    need(t, 3, "pulse LINE MICROSECONDS");
                    int line = line(t, 1, t.length - 1);
                    long us = micros(t[t.length - 1]);
                    Stimulus.pulse(chip, line, us, Cause.USER);
                    return "ok";
                }
                case "state" -> {
                    if (t.length != 1) {
                        return "err state takes no arguments";
                    }
                    StringBuilder b = new StringBuilder();
                    List<LineState> all = chip.states();
                    for (LineState s : all) {
                        if (b.length() > 0) {
                            b.append('\n');
                        }
                        b.append(s.line()).append(' ').append(s.name().isEmpty() ? "-" : s.name()).append(' ')
                                .append(s.direction().word()).append(' ').append(s.level()).append(' ')
                                .append(s.irqType().word());
                    }
                    return b.toString();
                }
                case "info" -> {
                    return "ok lines=" + cfg.lines() + " irq=" + (cfg.irq() ? "on" : "off") + " frontend="
                            + frontendState.get();
                }
                case "events" -> {
                    return events(t);
                }
                case "help" -> {
                    StringBuilder h = new StringBuilder("ok commands: set LINE 0|1; get LINE; pulse LINE MICROSECONDS;"
                            + " state; info; events FROM [MAX]");
                    extensions.values().forEach(x -> h.append("; ").append(x.usage()));
                    return h.append("; help").toString();
                }
                default -> {
                    Extension x = extensions.get(cmd);
                    if (x != null) {
                        return x.command().run(java.util.Arrays.copyOfRange(t, 1, t.length));
                    }
                    List<String> names = new java.util.ArrayList<>(BUILT_IN);
                    names.addAll(extensions.keySet());
                    return "err unknown command '" + t[0] + "'; commands are " + String.join(", ", names);
                }
            }
        } catch (BadCommand e) {
            return "err " + e.getMessage();
        }
    }

    private String events(String[] t) throws BadCommand {
        if (t.length < 2 || t.length > 3) {
            throw new BadCommand("usage: events FROM [MAX]");
        }
        long from = number(t[1], "FROM", Long.MAX_VALUE);
        int max = t.length == 3 ? (int) number(t[2], "MAX", 100_000) : 1000;
        EventLog log = chip.log();
        EventFormat format = new EventFormat(chip.config());
        StringBuilder body = new StringBuilder();
        int[] count = {0};
        long start = log.startNanos();
        long next = log.read(from, max, (seq, time, kind, line, a, b) -> {
            body.append('\n').append(seq).append(' ').append(time - start).append(' ').append(kind.name()).append(' ')
                    .append(line).append(' ').append(a).append(' ').append(b).append(' ')
                    .append(format.describe(kind, line, a, b));
            count[0]++;
        });
        return "ok " + count[0] + " " + next + " " + log.dropped() + " " + log.nextSeq() + body;
    }

    private static long number(String s, String what, long max) throws BadCommand {
        try {
            long v = Long.parseLong(s);
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadCommand(what + " must be a whole number from 0 to " + max + ", not '" + s + "'");
    }

    private static final class BadCommand extends Exception {
        private static final long serialVersionUID = 1L;

        BadCommand(String m) {
            super(m, null, false, false);
        }
    }

    private static void need(String[] t, int n, String usage) throws BadCommand {
        if (t.length < n) {
            throw new BadCommand("usage: " + usage);
        }
    }

    private int line(String[] t, int from, int to) throws BadCommand {
        if (to <= from) {
            throw new BadCommand("a line number or name is missing");
        }
        String token = String.join(" ", java.util.Arrays.copyOfRange(t, from, to));
        int line = chip.config().lineIndex(token);
        if (line < 0) {
            throw new BadCommand("no line '" + token + "'; lines are 0.." + (chip.lineCount() - 1)
                    + (chip.config().hasNames() ? " or a line name" : ""));
        }
        return line;
    }

    private static int level(String s) throws BadCommand {
        return switch (s) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new BadCommand("level must be 0 or 1, not '" + s + "'");
        };
    }

    private static long micros(String s) throws BadCommand {
        long us;
        try {
            us = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadCommand("pulse width must be a whole number of microseconds, not '" + s + "'");
        }
        if (us < 1 || us > MAX_PULSE_MICROS) {
            throw new BadCommand("pulse width must be from 1 to " + MAX_PULSE_MICROS + " microseconds");
        }
        return us;
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove control socket {0}: {1}", path, e.getMessage());
        }
    }
}
