package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.control.ControlServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control-socket protocol, over a real UNIX socket. */
class ControlServerTest {

    @Test
    @DisplayName("set, get, pulse, state, info and errors over the socket")
    void protocol(@TempDir Path dir) throws Exception {
        EventLog log = new EventLog(1024);
        Chip chip = new Chip(DeviceConfig.builder().lines(3).namesList("LED,Red button").build(), log);
        Path path = dir.resolve("sub").resolve("ctl.sock");
        try (ControlServer server = new ControlServer(path, chip, () -> "none")) {
            server.start();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(path));
                OutputStream out = Channels.newOutputStream(ch);
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                assertEquals("ok", ask(out, in, "set 1 1"));
                assertEquals("ok 1", ask(out, in, "get Red button"));
                assertEquals("ok", ask(out, in, "set Red button 0"));
                assertEquals("ok 0", ask(out, in, "get 1"));
                chip.guestSetDirection(2, Direction.IN);
                chip.guestSetIrqType(2, IrqType.EDGE_BOTH);
                long t0 = System.nanoTime();
                assertEquals("ok", ask(out, in, "pulse 2 3000"));
                assertTrue(System.nanoTime() - t0 >= 3_000_000, "pulse answers when it is over");
                out.write("state\n".getBytes(StandardCharsets.UTF_8));
                List<String> state = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    state.add(in.readLine());
                }
                assertEquals(List.of("0 LED none 0 none", "1 Red button none 0 none", "2 - in 0 edge-both"), state);
                assertEquals("ok lines=3 irq=on frontend=none", ask(out, in, "info"));
                assertEquals("err level must be 0 or 1, not '2'", ask(out, in, "set 0 2"));
                assertEquals("err no line 'LAMP'; lines are 0..2 or a line name", ask(out, in, "get LAMP"));
                assertEquals("err usage: pulse LINE MICROSECONDS", ask(out, in, "pulse 1"));
                assertEquals("err pulse width must be from 1 to 60000000 microseconds", ask(out, in, "pulse 1 0"));
                assertTrue(ask(out, in, "jump 1").startsWith("err unknown command 'jump'"));
                assertEquals("ok 0", ask(out, in, "get 0"), "still serving after errors");
                String head = ask(out, in, "events 0 2");
                assertTrue(head.matches("ok 2 2 0 \\d+"), head);
                String first = in.readLine();
                assertTrue(first.matches("0 \\d+ LEVEL 1 1 1 level +line 1 \\(Red button\\) = 1 \\(user\\)"), first);
                in.readLine();
                assertEquals("err MAX must be a whole number from 0 to 100000, not 'x'", ask(out, in, "events 0 x"));
            }
        }
        // The pulse is two level changes by the user, about 3 ms apart.
        List<Event> levels = new ArrayList<>();
        log.read(0, 1000, (s, t, k, l, a, b) -> {
            if (k == EventKind.LEVEL && l == 2) {
                levels.add(new Event(s, t, k, l, a, b));
            }
        });
        assertEquals(2, levels.size());
        long width = levels.get(1).timeNanos() - levels.get(0).timeNanos();
        // Never shorter than asked; how much longer depends on the machine's load (58 ms was seen in a clean-clone
        // run), so the excess is a figure for 'vgpio bench --models', not a threshold here.
        assertTrue(width >= 3_000_000, "pulse width " + width + " ns");
        assertTrue(!Files.exists(path), "the socket file is removed on close");
    }

    private static String ask(OutputStream out, BufferedReader in, String cmd) throws Exception {
        out.write((cmd + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return in.readLine();
    }
}
