package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.e2e.Control.Ev;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The backend outlives its guests: reboots, QEMU restarts; and the smallest and a large device. */
class GuestLifecycleTest {
    static final int TIMEOUT_S = 300;

    private static long connections(Control c, long value) throws Exception {
        return c.events(0).stream().filter(e -> e.kind().equals("CONNECTION") && e.a() == value).count();
    }

    private static void assertNoViolations(Control c) throws Exception {
        List<Ev> v = c.events(0).stream().filter(e -> e.kind().equals("RULE_VIOLATION")).toList();
        assertEquals(List.of(), v, "driver-rule violations");
    }

    @Test
    @DisplayName("A guest reboot (same QEMU, same vhost-user connection) finds the device again, with the user's levels")
    void guest_reboot_keeps_state() throws Exception {
        // Line 6 tells the script which boot it is in: the host sets it between the boots, the backend keeps it.
        String script = Guest.prelude(7) + """
                if [ "$(gpioget $C 6)" = 1 ]; then
                  echo "BOOT 2"
                  gpiodetect
                  echo "LINE5 $(gpioget $C 5)"
                  exit 0
                fi
                echo "BOOT 1"
                gpioset -m exit $C 0=1
                sync_host reboot
                reboot -f
                """;
        try (Serve serve = new Serve(8, null); Control c = serve.control();
                Guest g = new Guest(serve.socket, script, TIMEOUT_S, "--allow-reboot")) {
            try {
                c.ok("set 5 1");
                g.awaitPrefix("BOOT 1", 120_000);
                g.awaitSync("reboot", 60_000);
                c.ok("set 6 1");
                GuestEndToEndTest.release(c);
                g.awaitPrefix("BOOT 2", 120_000);
                assertEquals("gpiochip0 [virtio0] (8 lines)", g.awaitPrefix("gpiochip0", 60_000).text());
                assertEquals("LINE5 1", g.awaitPrefix("LINE5", 60_000).text(), "the user's level survived");
                assertEquals(0, g.waitExit(TIMEOUT_S));
                assertEquals(1, connections(c, 1), "the reboot kept the one connection");
                // QEMU stopped the rings at the reset and started them again.
                assertTrue(c.events(0).stream().filter(e -> e.kind().equals("FEATURES")).count() >= 2,
                        "the driver negotiated features once per boot");
                assertNoViolations(c);
            } catch (Throwable t) {
                throw new AssertionError(t.getMessage() + "\nconsole:\n" + g.consoleText() + "\nserve log:\n"
                        + GuestEndToEndTest.tail(serve.log(), 40), t);
            }
        }
    }

    @Test
    @DisplayName("A QEMU restart reconnects to the same running backend; the user's levels are kept")
    void qemu_restart_reconnects() throws Exception {
        String script = Guest.prelude(7) + """
                echo "LINE5 $(gpioget $C 5)"
                gpioset -m exit $C 0=1
                """;
        try (Serve serve = new Serve(8, null); Control c = serve.control()) {
            c.ok("set 5 1");
            for (int run = 1; run <= 2; run++) {
                try (Guest g = new Guest(serve.socket, script, TIMEOUT_S)) {
                    try {
                        assertEquals("LINE5 1", g.awaitPrefix("LINE5", 120_000).text(), "run " + run);
                        assertEquals(0, g.waitExit(TIMEOUT_S), "run " + run);
                    } catch (Throwable t) {
                        throw new AssertionError(t.getMessage() + "\nconsole:\n" + g.consoleText(), t);
                    }
                }
                Control.until("QEMU detached after run " + run, 60_000, () -> c.ok("info").contains("frontend=none"));
            }
            assertEquals(2, connections(c, 1), "two QEMU processes connected, one after the other");
            assertEquals(2, connections(c, 0));
            assertNoViolations(c);
            assertTrue(serve.alive());
        }
    }

    @Test
    @DisplayName("ngpio 1: the smallest device works")
    void one_line() throws Exception {
        String script = """
                #!/bin/sh
                gpiodetect
                gpioinfo
                echo "GET $(gpioget gpiochip0 0)"
                """;
        try (Serve serve = new Serve(1, "ONLY"); Control c = serve.control()) {
            c.ok("set ONLY 1");
            try (Guest g = new Guest(serve.socket, script, TIMEOUT_S)) {
                try {
                    assertEquals("gpiochip0 [virtio0] (1 lines)", g.awaitPrefix("gpiochip0 [", 120_000).text());
                    assertTrue(g.awaitPrefix("\tline   0:", 60_000).text().contains("\"ONLY\""));
                    assertEquals("GET 1", g.awaitPrefix("GET", 60_000).text());
                    assertEquals(0, g.waitExit(TIMEOUT_S));
                } catch (Throwable t) {
                    throw new AssertionError(t.getMessage() + "\nconsole:\n" + g.consoleText(), t);
                }
            }
        }
    }

    @Test
    @DisplayName("ngpio 256: every line is probed and usable, names included")
    void two_hundred_fifty_six_lines() throws Exception {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            names.append(i == 0 ? "" : ",").append(i % 2 == 0 ? "GPIO_" + i : "");
        }
        String script = """
                #!/bin/sh
                gpiodetect
                echo "INFO-LINES $(gpioinfo gpiochip0 | grep -c 'line ')"
                gpioinfo gpiochip0 | grep -E 'line +(254|255):'
                echo "GET255 $(gpioget gpiochip0 255)"
                gpioset -m time -s 3 gpiochip0 254=1 &
                sleep 2
                echo "HELD"
                wait
                """;
        try (Serve serve = new Serve(256, names.toString()); Control c = serve.control()) {
            c.ok("set 255 1");
            try (Guest g = new Guest(serve.socket, script, TIMEOUT_S)) {
                try {
                    assertEquals("gpiochip0 [virtio0] (256 lines)", g.awaitPrefix("gpiochip0 [", 120_000).text());
                    assertEquals("INFO-LINES 256", g.awaitPrefix("INFO-LINES", 60_000).text());
                    assertTrue(g.awaitPrefix("\tline 254:", 60_000).text().contains("\"GPIO_254\""));
                    assertTrue(g.awaitPrefix("\tline 255:", 60_000).text().contains("unnamed"));
                    assertEquals("GET255 1", g.awaitPrefix("GET255", 60_000).text());
                    g.awaitPrefix("HELD", 60_000);
                    assertEquals("1", c.ok("get GPIO_254"));
                    assertEquals(0, g.waitExit(TIMEOUT_S));
                } catch (Throwable t) {
                    throw new AssertionError(t.getMessage() + "\nconsole:\n" + g.consoleText(), t);
                }
            }
            assertNoViolations(c);
        }
    }
}
