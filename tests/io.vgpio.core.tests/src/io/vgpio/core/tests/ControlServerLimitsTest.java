package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a control client can cost the device: probe findings F2 and F6 of issue 10. */
class ControlServerLimitsTest {

    /** One client connection with line-based reading. */
    private static final class Client implements AutoCloseable {
        final SocketChannel ch;
        final OutputStream out;
        final BufferedReader in;

        Client(Path path) throws Exception {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(path));
            out = Channels.newOutputStream(ch);
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        }

        void send(String raw) throws Exception {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String ask(String cmd) throws Exception {
            send(cmd + "\n");
            return in.readLine();
        }

        @Override
        public void close() throws Exception {
            ch.close();
        }
    }

    private static ControlServer start(Path dir, EventLog log) throws Exception {
        Chip chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        ControlServer server = new ControlServer(dir.resolve("ctl.sock"), chip, () -> "none");
        server.start();
        return server;
    }

    @Test
    @DisplayName("F2: a client that asked for events and never reads them does not hold up the guest's appends")
    void f2_a_client_that_never_reads_its_events_does_not_block_appends(@TempDir Path dir) throws Exception {
        EventLog log = new EventLog(1 << 18);
        for (int i = 0; i < ControlServer.MAX_EVENTS; i++) {
            log.append(EventKind.LEVEL, i & 3, i & 1, 0);
        }
        try (ControlServer server = start(dir, log); Client stuck = new Client(server.path())) {
            // About 7 MB of answer: far more than the socket buffers take, so the server's thread for this client
            // ends up blocked in a socket write.
            stuck.send("events 0 " + ControlServer.MAX_EVENTS + "\n");
            awaitWriting("vgpio-control-client");
            // Everything this thread does with the log from here on goes through the probe: an append that
            // waited for the stuck client must fail the test, not hang it.
            long[] last = {-1};
            assertTrue(LockProbe.completesWithoutWaiting(() -> {
                for (int i = 0; i < 1000; i++) {
                    last[0] = log.append(EventKind.LEVEL, 0, i & 1, 0);
                }
            }), "an append waited while a control client's events answer was being written");
            assertEquals(ControlServer.MAX_EVENTS + 999, last[0]);
            try (Client other = new Client(server.path())) {
                assertEquals("ok lines=4 irq=on frontend=none", other.ask("info"),
                        "other clients are served meanwhile");
            }
            String head = stuck.in.readLine();
            assertTrue(head.startsWith("ok " + ControlServer.MAX_EVENTS + " " + ControlServer.MAX_EVENTS + " 0 "),
                    head);
        }
    }

    /** Waits until a thread of that name is inside a socket write (spinning on that condition, no sleep). */
    private static void awaitWriting(String threadName) {
        while (true) {
            for (var e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey().getName().equals(threadName) && Arrays.stream(e.getValue()).anyMatch(
                        f -> f.getClassName().startsWith("sun.nio.ch.") && f.getMethodName().contains("write"))) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("F6: a line over the limit is refused without being echoed, and the connection goes on")
    void f6_a_too_long_line_is_refused_without_echo_and_the_connection_goes_on(@TempDir Path dir)
            throws Exception {
        try (ControlServer server = start(dir, new EventLog(64)); Client c = new Client(server.path())) {
            char[] huge = new char[1 << 20];
            Arrays.fill(huge, 'x');
            c.send("get " + new String(huge) + "\n");
            String answer = c.in.readLine();
            assertEquals("err line too long: a command is at most " + ControlServer.MAX_LINE_BYTES
                    + " bytes; send one command per line", answer);
            assertEquals("ok lines=4 irq=on frontend=none", c.ask("info"), "the next line is the next command");
            char[] longest = new char[ControlServer.MAX_LINE_BYTES - "get ".length()];
            Arrays.fill(longest, 'y');
            assertTrue(c.ask("get " + new String(longest)).startsWith("err no line 'yyy"),
                    "a line of exactly the limit is still a command");
        }
    }

    @Test
    @DisplayName("F6: \\r\\n ends one command, and a \\r inside a line does not split it in two")
    void f6_crlf_and_cr_do_not_split_a_command(@TempDir Path dir) throws Exception {
        try (ControlServer server = start(dir, new EventLog(64)); Client c = new Client(server.path())) {
            c.send("set 0 1\r\nget 0\r\n");
            assertEquals("ok", c.in.readLine());
            assertEquals("ok 1", c.in.readLine());
            c.send("set 0\r0\nget 0\n");
            assertEquals("ok", c.in.readLine(), "one command, one answer");
            assertEquals("ok 0", c.in.readLine());
        }
    }

    @Test
    @DisplayName("F6: clients over the cap are told why and closed; a freed slot serves the next one")
    void f6_clients_over_the_cap_are_refused_with_a_reason(@TempDir Path dir) throws Exception {
        List<Client> clients = new ArrayList<>();
        try (ControlServer server = start(dir, new EventLog(64))) {
            try {
                for (int i = 0; i < ControlServer.MAX_CLIENTS; i++) {
                    Client c = new Client(server.path());
                    clients.add(c);
                    assertEquals("ok 0", c.ask("get 0"), "client " + i + " is served");
                }
                try (Client refused = new Client(server.path())) {
                    assertEquals("err too many control clients: " + ControlServer.MAX_CLIENTS
                            + " are connected; close one (or send several commands over one connection) and try"
                            + " again", refused.in.readLine());
                    assertNull(refused.in.readLine(), "then the connection is closed");
                }
                clients.remove(0).close();
                while (server.clientCount() >= ControlServer.MAX_CLIENTS) {
                    Thread.onSpinWait(); // the closed client's thread sees the end of its stream and frees the slot
                }
                try (Client next = new Client(server.path())) {
                    assertEquals("ok 0", next.ask("get 0"));
                }
                assertFalse(server.clientCount() > ControlServer.MAX_CLIENTS);
            } finally {
                for (Client c : clients) {
                    c.close();
                }
            }
        }
    }
}
