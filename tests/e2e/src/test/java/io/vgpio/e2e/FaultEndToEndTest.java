package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.e2e.Control.Ev;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fault injection (issue 13) against the real Linux guest: what gpio-virtio and libgpiod make of a device that
 * answers ERR.
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
        try (Serve serve = new Serve(8, GuestEndToEndTest.NAMES); Control c = serve.control();
                Guest g = new Guest(serve.socket, script, GuestEndToEndTest.GUEST_TIMEOUT_S)) {
            try {
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

                List<Ev> faults = c.events(from).stream().filter(e -> e.kind().equals("FAULT")).toList();
                assertEquals(1, faults.size(), "one fault injected: " + faults);
                assertEquals(Long.parseLong(id), faults.get(0).a(), "the rule's id");
                assertEquals(2, faults.get(0).line());
            } catch (Throwable t) {
                throw new AssertionError(t.getMessage() + "\nguest console:\n" + g.consoleText(), t);
            }
        }
    }

    /**
     * What libgpiod's gpioget (1.6, Debian 12) prints, exit status 1, when the device answers GET_VALUE with ERR:
     * gpio-virtio turns any status but OK into -EINVAL.
     */
    static final String LINUX_MESSAGE = "gpioget: error reading GPIO values: Invalid argument";
}
