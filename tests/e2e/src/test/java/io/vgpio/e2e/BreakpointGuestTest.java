package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.MessageType;
import io.vgpio.core.qmp.QmpClient;
import io.vgpio.e2e.Control.Ev;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A pause-guest breakpoint with the real Linux guest (issue 13): 'vgpio serve --qmp' holds the guest's gpioset at
 * its SET_VALUE and stops the vCPUs through QEMU's QMP; continue lets both go on. The test asks QEMU's status on a
 * second QMP monitor of its own (QEMU serves one client per monitor, and serve holds the first).
 */
class BreakpointGuestTest {
    @Test
    @DisplayName("A pause-guest breakpoint on SET_VALUE stops the guest at gpioset; continue resumes it")
    void pause_guest_breakpoint_stops_and_resumes_the_guest() throws Exception {
        String script = Guest.prelude(GuestEndToEndTest.SYNC) + """
                echo "SET-START"
                gpioset $C 0=1
                echo "SET-DONE $?"
                """;
        Path dir = java.nio.file.Files.createTempDirectory("vgpio-e2e-qmp");
        Path serveQmp = dir.resolve("serve-qmp.sock");
        Path testQmp = dir.resolve("test-qmp.sock");
        try (Serve serve = new Serve(8, GuestEndToEndTest.NAMES, "--qmp", serveQmp.toString());
                Control c = serve.control()) {
            assertEquals("1", c.ok("break add on=request type=set-value line=LED action=pause-guest"));
            try (Guest g = new Guest(serve.socket, script, GuestEndToEndTest.GUEST_TIMEOUT_S,
                    "--qemu-arg", "-qmp", "--qemu-arg", "unix:" + serveQmp + ",server=on,wait=off",
                    "--qemu-arg", "-qmp", "--qemu-arg", "unix:" + testQmp + ",server=on,wait=off");
                    QmpClient qemu = new QmpClient(testQmp)) {
                try {
                    g.awaitPrefix("SET-START", 180_000);
                    Control.until("serve's QMP connected", 60_000, () -> c.ok("info").contains("qmp=connected"));
                    String[] halt = c.ok("wait-halt 120000").split(" ");
                    assertEquals("1", halt[0]);
                    Ev hit = event(c, Long.parseLong(halt[1]));
                    assertEquals("BREAKPOINT_HIT", hit.kind());
                    Control.until("QMP connected for the test", 60_000, qemu::connected);
                    Control.until("the guest paused", 30_000, () -> qemu.status(5000).equals("paused"));
                    assertTrue(c.ok("info").contains("halted=1"));
                    int consoleLines = g.consoleText().split("\n").length;
                    List<Ev> sets = c.events(0).stream().filter(e -> e.kind().equals("REQUEST") && e.line() == 0
                            && e.requestType() == MessageType.SET_VALUE.wireValue()).toList();
                    assertEquals(1, sets.size(), "gpioset's SET_VALUE arrived and is held");
                    assertEquals("paused", qemu.status(5000), "still paused: nothing resumes it but continue");
                    assertEquals(consoleLines, g.consoleText().split("\n").length, "the paused guest is silent");
                    assertFalse(g.consoleText().contains("SET-DONE"));

                    c.ok("continue");
                    assertEquals("SET-DONE 0", g.awaitPrefix("SET-DONE", 120_000).text());
                    assertEquals("running", qemu.status(5000));
                    assertEquals("no", c.ok("halted"));
                } catch (Throwable t) {
                    throw new AssertionError(t.getMessage() + "\nguest console:\n" + g.consoleText()
                            + "\nserve log:\n" + serve.log(), t);
                }
            }
        }
    }

    private static Ev event(Control c, long seq) throws Exception {
        return c.events(seq).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }
}
