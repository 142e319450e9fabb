package io.vgpio.core.control;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.StateLine;
import io.vgpio.core.sockets.PrivateBind;
import io.vgpio.core.sockets.SocketDirectory;
import io.vgpio.core.stimulus.StimulusLimits;
import io.vgpio.core.stimulus.StimulusScheduler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The control socket: a UNIX stream socket taking one text command per line, for scripts, tests and other
 * processes that drive inputs. Each client gets its own thread (at most {@link #MAX_CLIENTS}: one more is answered
 * {@code err too many control clients ...} and closed); commands of one client run in order. A line is at most
 * {@link #MAX_LINE_BYTES} bytes, ends at {@code \n} ({@code \r\n} too); a longer one is answered
 * {@code err line too long ...} (never echoed) and skipped, and the connection goes on with the next line.
 *
 * <pre>
 * set LINE 0|1          -> ok
 * get LINE              -> ok 0|1        (the level the guest would read)
 * pulse LINE MICROS     -> ok            (after the pulse: high for MICROS, then low)
 * edge LINE rising|falling
 *                       -> ok            (once queued, as train and bounce)
 * train LINE COUNT PERIOD_US [WIDTH_US]
 *                       -> ok            (COUNT pulses, one every PERIOD_US; WIDTH_US half the period if left out)
 * bounce LINE TRANSITIONS DURATION_US [SEED]
 *                       -> ok            (contact bounce; the same SEED gives the same bounce)
 * state                 -> one line per GPIO line: NUMBER NAME DIRECTION LEVEL IRQTYPE (NAME "-" if unnamed)
 * info                  -> ok lines=N irq=on|off frontend=attached|none, then fields others add (halted=...)
 * events FROM [MAX]     -> ok COUNT NEXT DROPPED END, then COUNT lines: SEQ TIME_NS KIND LINE A B DESCRIPTION
 *                          (the event log from sequence number FROM on, at most MAX (default 1000) events;
 *                          TIME_NS counts from the log's start; NEXT is where to continue; END is the
 *                          sequence number the next appended event will get)
 * help                  -> ok followed by the command list on the same line
 * anything wrong        -> err REASON
 * </pre>
 *
 * LINE is a line number or a line name. Names may contain spaces: everything between the command and its last
 * argument is the line (for {@code train} and {@code bounce}, the optional last argument counts as given when the
 * words before the last three name a line). The timed stimuli run on the device's one {@link StimulusScheduler}
 * ({@link StimulusCommands}), one after another with those of the workbench.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.vgpio.control");
    /** Longest pulse accepted: one minute. */
    public static final long MAX_PULSE_MICROS = StimulusLimits.MAX_MICROS;
    /**
     * Longest command line: far more than any command needs (a bind spec, a name with spaces), small enough that a
     * client sending an endless line costs nothing.
     */
    public static final int MAX_LINE_BYTES = 4096;
    /**
     * Most clients served at once. Each costs a thread and at most one line, one output buffer and one
     * {@code events} copy (32 bytes an event, at most 100,000 events): 64 clients stay under about 210 MB even
     * when all of them ask for the most events and then stop reading.
     */
    public static final int MAX_CLIENTS = 64;
    /** Most events one {@code events} command answers. */
    public static final int MAX_EVENTS = 100_000;

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
    /** Fields other components add to {@code info}'s answer, in the order they were added. */
    private final Map<String, Supplier<String>> infoFields = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>());
    private final Path path;
    private final Chip chip;
    private final Supplier<String> frontendState;
    private final StimulusCommands stimulus;
    /** The scheduler this server made for itself when it was given a bare chip; null until a stimulus needs it. */
    private StimulusScheduler ownScheduler;
    private ServerSocketChannel server;
    private Thread acceptThread;
    private volatile boolean closed;
    private final AtomicInteger clients = new AtomicInteger();
    /** Names the simulated parts in {@code events} (issue 14); none until parts are added to this server. */
    private volatile IntFunction<String> partNames = id -> null;

    /**
     * A control socket for a device: its stimuli go to the device's scheduler (which the server does not close).
     *
     * @param frontendState tells "attached" or "none" for {@code info}
     */
    public ControlServer(Path path, StimulusScheduler scheduler, Supplier<String> frontendState) {
        this.path = path.toAbsolutePath();
        this.chip = scheduler.chip();
        this.frontendState = frontendState;
        this.stimulus = new StimulusCommands(chip, () -> scheduler);
    }

    /**
     * A control socket for a bare chip (tests, fuzzing): the first stimulus starts a scheduler of the server's own,
     * closed with it.
     *
     * @param frontendState tells "attached" or "none" for {@code info}
     */
    public ControlServer(Path path, Chip chip, Supplier<String> frontendState) {
        this.path = path.toAbsolutePath();
        this.chip = chip;
        this.frontendState = frontendState;
        this.stimulus = new StimulusCommands(chip, this::ownScheduler);
    }

    private synchronized StimulusScheduler ownScheduler() {
        if (ownScheduler == null) {
            ownScheduler = new StimulusScheduler(chip);
        }
        return ownScheduler;
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

    /** Lets {@code events} name the simulated parts by their ids. */
    public void setPartNames(IntFunction<String> names) {
        partNames = names;
    }

    public void removeCommand(String name) {
        extensions.remove(name);
    }

    /**
     * Adds a {@code name=value} field to the end of {@code info}'s answer (e.g. {@code halted=no}); the built-in
     * fields stay first and unchanged.
     */
    public void addInfo(String name, Supplier<String> value) {
        infoFields.put(name, value);
    }

    private static final List<String> BUILT_IN = List.of("set", "get", "pulse", "edge", "train", "bounce", "state",
            "info", "events", "help");

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
                if (clients.incrementAndGet() > MAX_CLIENTS) {
                    clients.decrementAndGet();
                    refuse(client);
                    continue;
                }
                Thread t = new Thread(new ControlConnection(client, this, clients::decrementAndGet),
                        "vgpio-control-client");
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

    /** Tells a client over the cap why it is closed; a fresh socket's buffer takes the line without blocking. */
    private static void refuse(SocketChannel client) {
        try (client) {
            client.write(StandardCharsets.UTF_8.encode("err too many control clients: " + MAX_CLIENTS
                    + " are connected; close one (or send several commands over one connection) and try again\n"));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "refused control client went away: {0}", e.getMessage());
        }
    }

    /** Number of clients connected now. */
    public int clientCount() {
        return clients.get();
    }

    /** Runs one command line and returns the answer (without the final newline). */
    public String execute(String commandLine) {
        StringBuilder answer = new StringBuilder();
        try {
            execute(commandLine, answer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder never throws
        }
        return answer.toString();
    }

    /**
     * Runs one command line and writes the answer (without the final newline) to {@code out} as it is made: a
     * long answer is never held whole.
     */
    public void execute(String commandLine, Appendable out) throws IOException {
        out.append(answer(commandLine, out));
    }

    /** The answer, or "" when it was already written to {@code out} line by line ({@code state}, {@code events}). */
    private String answer(String commandLine, Appendable out) throws IOException {
        String[] t = commandLine.strip().split("\\s+");
        String cmd = t[0].toLowerCase(Locale.ROOT);
        DeviceConfig cfg = chip.config();
        try {
            switch (cmd) {
                case "set" -> {
                    // Right away, not queued behind a running train: set has always answered at once.
                    Arguments.need(t, 3, "set LINE 0|1");
                    int line = Arguments.line(chip, t, 1, t.length - 1);
                    chip.setInput(line, Arguments.level(t[t.length - 1]), Cause.USER);
                    return "ok";
                }
                case "get" -> {
                    Arguments.need(t, 2, "get LINE");
                    return "ok " + chip.guestRead(Arguments.line(chip, t, 1, t.length));
                }
                case "pulse", "edge", "train", "bounce" -> {
                    return stimulus.run(cmd, t);
                }
                case "state" -> {
                    if (t.length != 1) {
                        return "err state takes no arguments";
                    }
                    List<LineState> all = chip.states();
                    boolean first = true;
                    for (LineState s : all) {
                        if (!first) {
                            out.append('\n');
                        }
                        first = false;
                        out.append(StateLine.format(s));
                    }
                    return "";
                }
                case "info" -> {
                    StringBuilder info = new StringBuilder("ok lines=").append(cfg.lines()).append(" irq=")
                            .append(cfg.irq() ? "on" : "off").append(" frontend=").append(frontendState.get());
                    synchronized (infoFields) {
                        infoFields.forEach((name, value) -> info.append(' ').append(name).append('=')
                                .append(value.get()));
                    }
                    return info.toString();
                }
                case "events" -> {
                    events(t, out);
                    return "";
                }
                case "help" -> {
                    StringBuilder h = new StringBuilder("ok commands: set LINE 0|1; get LINE; "
                            + StimulusCommands.USAGE + "; state; info; events FROM [MAX]");
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

    /**
     * The events come from a copy of the log taken first (a few microseconds under the log's lock per 1,024
     * events); formatting and writing them to a client, however slow, happen outside it, so the guest's requests,
     * which append to the log, never wait for a control client.
     */
    private void events(String[] t, Appendable out) throws BadCommand, IOException {
        if (t.length < 2 || t.length > 3) {
            throw new BadCommand("usage: events FROM [MAX]");
        }
        long from = Arguments.number(t[1], "FROM", Long.MAX_VALUE);
        int max = t.length == 3 ? (int) Arguments.number(t[2], "MAX", MAX_EVENTS) : 1000;
        EventLog log = chip.log();
        EventLog.Snapshot events = log.snapshot(from, max);
        long next = events.count() > 0 ? events.nextSeq() : Math.max(from, log.firstSeq());
        out.append("ok " + events.count() + " " + next + " " + log.dropped() + " " + log.nextSeq());
        EventFormat format = new EventFormat(chip.config()).withPartNames(partNames);
        long start = log.startNanos();
        IOException[] failed = {null};
        events.forEach((seq, time, kind, line, a, b) -> {
            if (failed[0] != null) {
                return;
            }
            try {
                out.append('\n').append(String.valueOf(seq)).append(' ').append(String.valueOf(time - start))
                        .append(' ').append(kind.name()).append(' ').append(String.valueOf(line)).append(' ')
                        .append(String.valueOf(a)).append(' ').append(String.valueOf(b)).append(' ')
                        .append(format.describe(kind, line, a, b));
            } catch (IOException e) {
                failed[0] = e; // the client went away: stop formatting for it
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
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
        synchronized (this) {
            if (ownScheduler != null) {
                ownScheduler.close();
            }
        }
    }
}
