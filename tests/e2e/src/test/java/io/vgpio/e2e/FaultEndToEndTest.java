package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.MessageType;
import io.vgpio.core.payload.Response;
import io.vgpio.e2e.Control.Ev;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fault injection (issue 13) against the real Linux guest: what gpio-virtio and libgpiod make of a device that
 * answers ERR, drops an interrupt, or never answers until its rule is deleted. Each test is one guest boot and
 * waits only on events in the device's log and lines the guest prints.
 */
class FaultEndToEndTest {
    static final int SYNC = GuestEndToEndTest.SYNC;

    @Test
    @DisplayName("An ERR fault on GET_VALUE (count=1): gpioget in the guest fails with Linux's error, the next gpioget works")
    void err_on_get_value_fails_gpioget_once() throws Exception {
        String script = Guest.prelude(SYNC) + """
                sync_host fault-installed
                echo "GET1-START"
                gpioget $C 2 2>&1
                echo "GET1-RC $?"
                echo "GET2 $(gpioget $C 2 2>&1) RC $?"
                """;
        withGuest(script, (c, g) -> {
            g.awaitSync("fault-installed", 120_000);
            c.ok("set 2 1");
            String id = c.ok("fault add on=request type=get-value line=2 effect=err count=1");
            long from = c.nextSeq();
            GuestEndToEndTest.release(c);

            String rc = g.awaitPrefix("GET1-RC", 60_000).text();
            List<String> said = g.between("GET1-START", "GET1-RC");
            Report.figure("gpioget under an ERR fault on GET_VALUE: " + said + ", " + rc);
            assertEquals("GET1-RC 1", rc, "gpioget failed: " + said);
            assertEquals(List.of(LINUX_MESSAGE), said);
            assertEquals("GET2 1 RC 0", g.awaitPrefix("GET2", 60_000).text(), "the next gpioget reads the line");

            assertOneFault(c, from, id, 2);
        });
    }

    @Test
    @DisplayName("drop-irq count=1 under gpiomon: the first edge is not reported, the next two are")
    void drop_irq_loses_exactly_the_first_edge() throws Exception {
        // Both edges: the edge each printed event stands for is told by its level, so the output itself shows
        // which edge went missing (rising edges alone would print the same "1" for any of them).
        String script = Guest.prelude(SYNC) + """
                sync_host fault-installed
                echo "MON-START"
                gpiomon -n 2 -F '%e' $C 1
                echo "MON-END $?"
                """;
        withGuest(script, (c, g) -> {
            g.awaitSync("fault-installed", 120_000);
            c.ok("set 1 0");
            String id = c.ok("fault add on=line line=1 effect=drop-irq count=1");
            long from = c.nextSeq(); // the guest waits at sync_host: gpiomon's buffers all come after this
            GuestEndToEndTest.release(c);
            g.awaitPrefix("MON-START", 60_000);
            c.awaitIrqType(1, "edge-both", 60_000);

            // Edge 1 (rising): armed, yet dropped. The buffer stays with the device, so the next edge finds it.
            GuestEndToEndTest.awaitBufferHeld(c, 1, from);
            long edge1 = c.nextSeq();
            c.ok("set 1 1");
            GuestEndToEndTest.awaitEvents(c, edge1, evs -> !of(evs, "FAULT", 1).isEmpty(), 60_000);
            assertEquals(List.of(), of(c.events(edge1), "INTERRUPT", 1), "the dropped edge is not reported");

            // Edges 2 (falling) and 3 (rising): reported, each once the driver is armed again and has read
            // the level it reports (GuestEndToEndTest.edgeBothPulses says why).
            long edge2 = c.nextSeq();
            for (int level = 0; level <= 1; level++) {
                GuestEndToEndTest.awaitBufferHeld(c, 1, from);
                long before = c.nextSeq();
                c.ok("set 1 " + level);
                GuestEndToEndTest.awaitLevelRead(c, 1, before);
            }

            String end = g.awaitPrefix("MON-END", 120_000).text();
            List<String> printed = g.between("MON-START", "MON-END");
            Report.figure("gpiomon -n 2 (both edges) over rising, falling, rising with drop-irq count=1: "
                    + printed + ", " + end);
            assertEquals(List.of("0", "1"), printed, "the falling and the second rising edge, not the first");
            assertEquals("MON-END 0", end);

            List<Ev> evs = c.events(from);
            assertTrue(assertOneFault(c, from, id, 1).seq() < edge2, "the fault is the first edge's");
            List<Long> reported = of(evs, "INTERRUPT", 1).stream().map(Ev::a).toList();
            assertEquals(List.of(0L, 1L), reported, "interrupts delivered, with the level at delivery");
            assertTrue(of(evs, "INTERRUPT", 1).get(0).seq() > edge2, "no interrupt before the second edge");
        });
    }

    @Test
    @DisplayName("hang on one line's GET_VALUE: gpioget blocks in the guest while another line reads; fault del completes it")
    void hang_blocks_gpioget_until_the_rule_is_deleted() throws Exception {
        // The hung gpioget runs in the background; a gpioget on another line after it shows the guest and the
        // device still work, and /proc tells, when that one is done, whether the first is still asleep in the
        // driver: gpio-virtio waits for the answer uninterruptibly, so a blocked gpioget is in state D, its wait
        // channel the driver's request function.
        String script = Guest.prelude(SYNC) + """
                sync_host fault-installed
                gpioget $C 2 >/tmp/hung.out 2>&1 &
                HP=$!
                sync_host hung-request-seen
                V=$(gpioget $C 3 2>&1)
                echo "OTHER $V RC $?"
                echo "HUNG-STATE $(cut -d' ' -f3 /proc/$HP/stat) $(cat /proc/$HP/wchan)"
                wait $HP
                echo "HUNG-DONE $? $(cat /tmp/hung.out)"
                """;
        withGuest(script, (c, g) -> {
            g.awaitSync("fault-installed", 120_000);
            c.ok("set 2 0");
            c.ok("set 3 1");
            String id = c.ok("fault add on=request type=get-value line=2 effect=hang");
            long from = c.nextSeq();
            GuestEndToEndTest.release(c);

            GuestEndToEndTest.awaitEvents(c, from, evs -> !getValues(evs, "REQUEST", 2).isEmpty(), 120_000);
            g.awaitSync("hung-request-seen", 60_000);
            GuestEndToEndTest.release(c);

            String other = g.awaitPrefix("OTHER", 60_000).text();
            String state = g.awaitPrefix("HUNG-STATE", 60_000).text();
            Report.figure("while gpioget on line 2 hangs: '" + other + "', '" + state + "'");
            assertEquals("OTHER 1 RC 0", other, "a gpioget on another line works meanwhile");
            // State D in gpio-virtio's request function (_virtio_gpio_req on Debian 12's kernel): the
            // process waits for the device's answer, not for anything of its own.
            String[] hung = state.split(" ", 3); // a process gone leaves both fields empty
            assertEquals("D", hung[1], "the hung gpioget sleeps uninterruptibly: " + state);
            assertTrue(hung[2].contains("virtio_gpio_req"), "in gpio-virtio: " + state);
            assertFalse(g.consoleText().contains("HUNG-DONE"), "the hung gpioget has not finished");
            List<Ev> evs = c.events(from);
            assertEquals(1, getValues(evs, "REQUEST", 2).size(), "one GET_VALUE for line 2 arrived");
            assertEquals(List.of(), getValues(evs, "RESPONSE", 2), "and is not answered");
            assertEquals(1, getValues(evs, "RESPONSE", 3).size(), "line 3's GET_VALUE is");

            // Answered as the chip answers it when released: the level set while it hung.
            c.ok("set 2 1");
            long released = c.nextSeq();
            c.ok("fault del " + id);
            String done = g.awaitPrefix("HUNG-DONE", 60_000).text();
            Report.figure("after 'fault del': '" + done + "'");
            assertEquals("HUNG-DONE 0 1", done, "gpioget completes with the line's level");
            List<Ev> answers = getValues(c.events(released), "RESPONSE", 2);
            assertEquals(1, answers.size(), "the hung GET_VALUE answered once, on deletion");
            assertEquals(1, Response.of(answers.get(0).a(), answers.get(0).b()).value());

            assertOneFault(c, from, id, 2);
        });
    }

    /** The steps of a test with the guest running the script against a fresh 8-line device. */
    interface GuestSteps {
        void run(Control c, Guest g) throws Exception;
    }

    /** Boots the guest on a fresh device, runs the steps, and on failure adds the guest's console and serve's log. */
    private static void withGuest(String script, GuestSteps steps) throws Exception {
        try (Serve serve = new Serve(8, GuestEndToEndTest.NAMES); Control c = serve.control();
                Guest g = new Guest(serve.socket, script, GuestEndToEndTest.GUEST_TIMEOUT_S)) {
            try {
                steps.run(c, g);
            } catch (Throwable t) {
                throw new AssertionError(t.getMessage() + "\nguest console:\n" + g.consoleText()
                        + "\nserve log tail:\n" + GuestEndToEndTest.tail(serve.log(), 60), t);
            }
        }
    }

    /** Since {@code from} the log has exactly one FAULT event, the rule's on the line; returns it. */
    private static Ev assertOneFault(Control c, long from, String id, int line) throws Exception {
        List<Ev> faults = c.events(from).stream().filter(e -> e.kind().equals("FAULT")).toList();
        assertEquals(1, faults.size(), "one fault injected: " + faults);
        assertEquals(Long.parseLong(id), faults.get(0).a(), "the rule's id");
        assertEquals(line, faults.get(0).line());
        return faults.get(0);
    }

    private static List<Ev> of(List<Ev> events, String kind, int line) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.line() == line).toList();
    }

    /** The GET_VALUE requests (kind REQUEST) or responses (kind RESPONSE) for the line. */
    private static List<Ev> getValues(List<Ev> events, String kind, int line) {
        int getValue = MessageType.GET_VALUE.wireValue();
        return of(events, kind, line).stream().filter(e -> kind.equals("REQUEST") ? e.requestType() == getValue
                : Response.of(e.a(), e.b()).type() == getValue).toList();
    }

    /**
     * What libgpiod's gpioget (1.6, Debian 12) prints, exit status 1, when the device answers GET_VALUE with ERR:
     * gpio-virtio turns any status but OK into -EINVAL.
     */
    static final String LINUX_MESSAGE = "gpioget: error reading GPIO values: Invalid argument";
}
