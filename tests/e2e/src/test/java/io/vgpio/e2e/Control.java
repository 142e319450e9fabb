package io.vgpio.e2e;

import io.vgpio.core.payload.Request;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** A client of the control socket of a running 'vgpio serve', speaking its text protocol. */
final class Control implements AutoCloseable {
    /** One event-log line of 'events': SEQ TIME_NS KIND LINE A B DESCRIPTION. */
    record Ev(long seq, long timeNanos, String kind, int line, long a, long b, String text) {
        static Ev parse(String s) {
            String[] f = s.split(" ", 7);
            return new Ev(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), f.length > 6 ? f[6] : "");
        }

        /** For REQUEST events: the message type. */
        int requestType() {
            return Request.of(a, b).type();
        }

        /** For REQUEST events: the request's value field. */
        long requestValue() {
            return Request.of(a, b).value();
        }
    }

    private final SocketChannel ch;
    private final OutputStream out;
    private final BufferedReader in;
    private final int lines;

    Control(Path socket, int lines) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        out = Channels.newOutputStream(ch);
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        this.lines = lines;
    }

    synchronized String cmd(String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("control socket closed after '" + command + "'");
        }
        return answer;
    }

    /** Sends a command that must answer ok; returns the rest of the answer. */
    String ok(String command) throws IOException {
        String a = cmd(command);
        if (!a.equals("ok") && !a.startsWith("ok ")) {
            throw new IOException("'" + command + "' answered '" + a + "'");
        }
        return a.length() > 2 ? a.substring(3) : "";
    }

    synchronized List<String> state() throws IOException {
        out.write("state\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> s = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            s.add(in.readLine());
        }
        return s;
    }

    /** Fields of one line of 'state': number, name, direction, level, irq type. */
    String[] lineState(int line) throws IOException {
        String s = state().get(line);
        String[] f = s.split(" ");
        return new String[] {f[0], String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length - 3)),
                f[f.length - 3], f[f.length - 2], f[f.length - 1]};
    }

    /** Every event from seq on. */
    synchronized List<Ev> events(long from) throws IOException {
        List<Ev> all = new ArrayList<>();
        long next = from;
        while (true) {
            out.write(("events " + next + " 5000\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String head = in.readLine();
            String[] h = head.split(" ");
            if (!h[0].equals("ok")) {
                throw new IOException("events answered '" + head + "'");
            }
            int count = Integer.parseInt(h[1]);
            for (int i = 0; i < count; i++) {
                all.add(Ev.parse(in.readLine()));
            }
            next = Long.parseLong(h[2]);
            if (count < 5000) {
                return all;
            }
        }
    }

    /** Sequence number the next event will get. */
    long nextSeq() throws IOException {
        String[] h = cmd("events 0 0").split(" ");
        return Long.parseLong(h[4]);
    }

    /** Waits until the line's direction and level in 'state' are as given; returns the last state line. */
    String[] awaitLine(int line, String direction, String level, long timeoutMillis)
            throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        String[] st = lineState(line);
        while (System.currentTimeMillis() < end && !(st[2].equals(direction) && st[3].equals(level))) {
            Thread.sleep(10);
            st = lineState(line);
        }
        return st;
    }

    /** A condition that may ask the control socket, run a command or read a file. */
    interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Polls the condition until it holds; a TimeoutException naming what was awaited if it does not in time (an
     * error of the check itself, such as a closed socket, comes out as it is). The control socket, 'vgpio trace
     * info' and the file system tell nobody of a change, so asking again is the only way to see one: the pause
     * between two asks only spaces them out, the condition is what is waited for.
     */
    static void until(String what, long timeoutMillis, Check check) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!check.holds()) {
            if (System.currentTimeMillis() > end) {
                throw new TimeoutException("not within " + timeoutMillis + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the line's IRQ type in 'state' is the given word (the guest armed gpiomon). */
    void awaitIrqType(int line, String word, long timeoutMillis) throws Exception {
        try {
            until("irq type " + word + " on line " + line, timeoutMillis, () -> lineState(line)[4].equals(word));
        } catch (TimeoutException e) {
            throw new IOException("line " + line + " did not reach irq type " + word + " in " + timeoutMillis
                    + " ms; state: " + state().get(line), e);
        }
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
