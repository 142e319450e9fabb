package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.e2e.Control.Ev;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guest's own kernel drivers on the board's named lines (issue 14), against today's device, which has no parts
 * yet: the host plays the parts through the control socket. leds-gpio's heartbeat must blink LED in the trigger's
 * rhythm, gpio-keys must arm BUTTON for both edges and turn a press, even a bouncing one, into exactly one KEY_ENTER
 * press and release, and i2c-gpio must run a whole i2cdetect over SDA/SCL with Linux's open-drain emulation. With
 * nobody answering on the bus every address is "--". The tests that need the parts (an LM75 and a 24C02 answering,
 * a wire) are in BoardPartsGuestTest.
 */
class BoardGuestTest {
    /** Contact bounce of a press and of a release: 9 level changes within 3 ms, less than gpio-keys' 5 ms debounce. */
    static final int BOUNCE_TRANSITIONS = 9;
    static final int BOUNCE_US = 3_000;
    /** Whole heartbeat beats the LED must have shown, all of them heartbeat-shaped. */
    static final int BEATS = 4;

    @Test
    @DisplayName("leds-gpio heartbeat on LED, gpio-keys on BUTTON and i2c-gpio on SDA/SCL in the Linux guest")
    void board_drivers_run_on_the_named_lines() throws Exception {
        String script = Guest.prelude(Board.SYNC) + """
                echo "BOARD-TRIGGER $(grep -o '\\[[a-z-]*\\]' /sys/class/leds/vgpio:green:status/trigger)"
                echo "== info"; gpioinfo $C; echo "== end"
                """ + Board.keyPhase("set") + Board.keyPhase("bounce") + Board.i2cdetect() + """
                sync_host heartbeat
                """;
        try (Serve serve = new Serve(8, Board.NAMES); Control c = serve.control()) {
            // The parts the board lacks today, as levels: the button released (a pull-up button reads 1) and the
            // bus's pull-ups (a line the guest lets go reads the level set last).
            c.ok("set BUTTON 1");
            c.ok("set SDA 1");
            c.ok("set SCL 1");
            try (Guest g = new Guest(serve.socket, script, Board.GUEST_TIMEOUT_S, "--board")) {
                try {
                    run(c, g);
                } catch (Throwable t) {
                    throw new AssertionError(t.getMessage() + "\nguest console:\n" + g.consoleText()
                            + "\nserve log tail:\n" + GuestEndToEndTest.tail(serve.log(), 60), t);
                }
            }
            assertTrue(serve.alive(), "the backend is still serving");
        }
    }

    private static void run(Control c, Guest g) throws Exception {
        assertEquals("BOARD-TRIGGER [heartbeat]", g.awaitPrefix("BOARD-TRIGGER", 180_000).text());
        g.awaitPrefix("== end", 60_000);
        List<String> info = g.between("== info", "== end");
        assertTrue(info.get(1).matches("\\s*line\\s+0:\\s+\"LED\"\\s+\"vgpio:green:status\"\\s+output\\s+active-high"
                + "\\s+\\[used\\]\\s*"), info.get(1));
        assertTrue(info.get(2).matches("\\s*line\\s+1:\\s+\"BUTTON\"\\s+\"button\"\\s+input\\s+active-low\\s+\\[used\\]\\s*"),
                info.get(2));
        assertTrue(info.get(3).matches("\\s*line\\s+2:\\s+\"SDA\".*\\[used open-drain\\]\\s*"), info.get(3));
        assertTrue(info.get(4).matches("\\s*line\\s+3:\\s+\"SCL\".*\\[used open-drain\\]\\s*"), info.get(4));
        c.awaitIrqType(Board.BUTTON, "edge-both", 60_000);

        // A clean press and release through 'set'
        Board.awaitKeyev(g);
        c.ok("set BUTTON 0");
        g.awaitPrefix("KEY " + Board.KEY_ENTER + " 1", 60_000);
        c.ok("set BUTTON 1");
        g.awaitPrefix("KEY " + Board.KEY_ENTER + " 0", 60_000);
        GuestEndToEndTest.release(c);
        g.awaitPrefix("KEYS-END set", 60_000);
        assertEquals(Board.onePressOneRelease(), Board.keys(g, "set"), "set BUTTON 0, set BUTTON 1");

        // A bouncing press and release: gpio-keys' debounce makes one event of each
        Board.awaitKeyev(g);
        long from = c.nextSeq();
        c.ok("bounce BUTTON " + BOUNCE_TRANSITIONS + " " + BOUNCE_US + " 14");
        Control.until("the bounce ended pressed", 30_000, () -> c.ok("get BUTTON").equals("0"));
        g.awaitPrefix("KEY " + Board.KEY_ENTER + " 1", 60_000);
        c.ok("bounce BUTTON " + BOUNCE_TRANSITIONS + " " + BOUNCE_US + " 15");
        Control.until("the bounce ended released", 30_000, () -> c.ok("get BUTTON").equals("1"));
        g.awaitPrefix("KEY " + Board.KEY_ENTER + " 0", 60_000);
        GuestEndToEndTest.release(c);
        g.awaitPrefix("KEYS-END bounce", 60_000);
        assertEquals(Board.onePressOneRelease(), Board.keys(g, "bounce"),
                "two bounces of " + BOUNCE_TRANSITIONS + " changes: one press, one release");
        long interrupts = c.events(from).stream()
                .filter(e -> e.kind().equals("INTERRUPT") && e.line() == Board.BUTTON).count();
        Report.figure("board button: " + 2 * BOUNCE_TRANSITIONS + " bouncing level changes gave " + interrupts
                + " interrupts and 2 key events (gpio-keys, 5 ms debounce)");

        // i2cdetect over i2c-gpio: a whole scan, every address unanswered, open drain only
        long busFrom = c.nextSeq();
        g.awaitPrefix("== end i2cdetect", 300_000);
        assertEquals(List.of(), Board.i2cdetectAddresses(g.between("== i2cdetect", "== end i2cdetect")),
                "no device answers on a bus without parts");
        String[] t = g.awaitPrefix("I2CDETECT-TIME", 30_000).text().split(" ");
        double seconds = Double.parseDouble(t[2]) - Double.parseDouble(t[1]);
        int requests = Board.assertOpenDrainOnly(c.events(busFrom));
        Report.figure(String.format(Locale.ROOT, "board i2cdetect (117 addresses, each START, address byte, NACK,"
                + " STOP): %.2f s in the guest, %.0f address bytes/s, %d requests on SDA/SCL", seconds,
                117 / seconds, requests));

        // The heartbeat, over the whole run: every beat a double blink
        g.awaitSync("heartbeat", 60_000);
        GuestEndToEndTest.awaitEvents(c, 0, evs -> HeartbeatPattern.beats(Board.ledChanges(evs)) >= BEATS, 60_000);
        List<Ev> all = c.events(0);
        int beats = HeartbeatPattern.beats(Board.ledChanges(all));
        assertTrue(beats >= BEATS, "heartbeat beats on LED: " + beats);
        GuestEndToEndTest.release(c);
        assertEquals(0, g.waitExit(Board.GUEST_TIMEOUT_S), "guest script exit code");
        List<Ev> violations = c.events(0).stream().filter(e -> e.kind().equals("RULE_VIOLATION")).toList();
        assertEquals(List.of(), violations, "driver-rule violations by the board's drivers");
        Report.figure("board heartbeat: " + beats + " double-blink beats on LED during the run");
    }
}
