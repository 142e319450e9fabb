package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.MessageType;
import io.vgpio.e2e.Control.Ev;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An unmodified Linux guest (Debian's kernel, gpio-virtio.ko, libgpiod 1.6 tools) in QEMU 10 under TCG, attached to
 * './vgpio serve'. Each script prints markers the host waits for; the host checks the guest's output against the
 * device's model ('state', 'get') and event log ('events').
 *
 * <p>Level interrupts cannot be requested from user space through the GPIO character device (it offers edge
 * detection only), so LEVEL_HIGH/LEVEL_LOW are covered by the Java driver: RequestqConformanceTest and
 * EventqConformanceTest in tests/io.vgpio.vhost.tests.
 */
class GuestEndToEndTest {
    static final int SYNC = 7;
    static final String NAMES = "LED,BUTTON,,RESET,,,,SYNC";
    /** Pulses the guest can follow under TCG (NOTES.md: 20 ms wide, 40 ms apart delivered 20/20). */
    static final int PULSE_US = 20_000;
    static final int GUEST_TIMEOUT_S = 300;

    /** Lets the guest go on past a sync_host: waits until it armed the SYNC line, then pulses it. */
    static void release(Control c) throws Exception {
        c.awaitIrqType(SYNC, "edge-rising", 60_000);
        c.ok("pulse " + SYNC + " 1000");
    }

    /**
     * Pulses the line n times, each once the guest's driver holds an eventq buffer for it again (since {@code from},
     * more buffers queued than came back): a pulse then finds the driver armed however slowly the guest runs, which
     * a fixed gap between pulses cannot promise under TCG on a loaded machine.
     */
    static void pulses(Control c, int line, int n, long from) throws Exception {
        for (int i = 0; i < n; i++) {
            awaitBufferHeld(c, line, from);
            c.ok("pulse " + line + " " + PULSE_US);
        }
    }

    /**
     * Pulses for a guest that watches both edges. Linux's gpiolib-cdev tells a rising from a falling edge by reading
     * the line in its interrupt thread, after the interrupt: a line that already changed back by then is reported
     * with the later level ("0, 0" for a pulse). Under TCG on a loaded machine that read can come later than any
     * fixed pulse width, so each edge waits until the guest has read the level it reports.
     */
    static void edgeBothPulses(Control c, int line, int n, long from) throws Exception {
        for (int i = 0; i < n; i++) {
            for (int level = 1; level >= 0; level--) {
                awaitBufferHeld(c, line, from);
                long before = c.nextSeq();
                c.ok("set " + line + " " + level);
                awaitLevelRead(c, line, before);
            }
        }
    }

    /** Waits for an interrupt on the line since {@code from} and a GET_VALUE of the line after it. */
    static void awaitLevelRead(Control c, int line, long from) throws Exception {
        awaitEvents(c, from, evs -> {
            List<Ev> irq = of(evs, "INTERRUPT", line);
            return !irq.isEmpty() && of(evs, "REQUEST", line).stream()
                    .anyMatch(e -> e.seq() > irq.get(0).seq() && e.requestType() == MessageType.GET_VALUE.wireValue());
        }, 60_000);
    }

    /** Waits until the driver holds an eventq buffer for the line: queued since {@code from} minus returned > 0. */
    static void awaitBufferHeld(Control c, int line, long from) throws Exception {
        awaitEvents(c, from, evs -> of(evs, "EVENT_BUFFER", line).size()
                > of(evs, "INTERRUPT", line).size() + of(evs, "BUFFER_INVALID", line).size(), 60_000);
    }

    private static List<Ev> of(List<Ev> events, String kind, int line) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.line() == line).toList();
    }

    @Test
    @DisplayName("gpiodetect, gpioinfo, gpioset, gpioget and gpiomon in a Linux guest against 'vgpio serve'")
    void linux_guest_uses_the_device() throws Exception {
        String script = Guest.prelude(SYNC) + """
                echo "== detect"; gpiodetect; echo "== info"; gpioinfo; echo "== end"
                gpioset -m signal $C 0=1 &
                SETPID=$!
                sync_host gpioset-held
                kill $SETPID; wait $SETPID 2>/dev/null
                sync_host gpioget-high
                echo "GET-HIGH $(gpioget $C 1)"
                sync_host gpioget-low
                echo "GET-LOW $(gpioget $C 1)"
                for mode in rising falling both burst; do
                  case $mode in rising) opt=-r; n=5;; falling) opt=-f; n=5;; both) opt=""; n=10;; burst) opt=""; n=200;; esac
                  echo "MON-START $mode"
                  gpiomon $opt -n $n -F '%e' $C 1
                  echo "MON-END $mode"
                  sync_host phase-done
                done
                T0=$(cut -d' ' -f1 /proc/uptime); i=0
                while [ $i -lt 100 ]; do gpioget $C 3 >/dev/null; i=$((i+1)); done
                T1=$(cut -d' ' -f1 /proc/uptime)
                echo "GPIOGET-LOOP 100 $T0 $T1"
                echo "MON-START latency"
                gpiomon -r -n 10 -F '%e' $C 2
                echo "MON-END latency"
                gpiomon -F '%e' $C 4 &
                FP=$!
                echo "MON-START fast"
                sync_host fast-done
                kill $FP; wait $FP 2>/dev/null
                echo "MON-END fast"
                """;
        try (Serve serve = new Serve(8, NAMES); Control c = serve.control();
                Guest g = new Guest(serve.socket, script, GUEST_TIMEOUT_S)) {
            try {
                run(serve, c, g);
            } catch (Throwable t) {
                throw new AssertionError(t.getMessage() + "\nguest console:\n" + g.consoleText() + "\nserve log tail:\n"
                        + tail(serve.log(), 60), t);
            }
        }
    }

    private static void run(Serve serve, Control c, Guest g) throws Exception {
        // gpiodetect / gpioinfo
        g.awaitPrefix("== end", 120_000);
        List<String> detect = g.between("== detect", "== info");
        assertEquals(List.of("gpiochip0 [virtio0] (8 lines)"), detect, "gpiodetect shows one chip with 8 lines");
        List<String> info = g.between("== info", "== end");
        assertTrue(info.get(0).startsWith("gpiochip0 - 8 lines"), info.get(0));
        assertTrue(info.get(1).matches("\\s*line\\s+0:\\s+\"LED\"\\s+unused\\s+input\\s+active-high\\s*"), info.get(1));
        assertTrue(info.get(2).matches("\\s*line\\s+1:\\s+\"BUTTON\".*input.*"), info.get(2));
        assertTrue(info.get(3).matches("\\s*line\\s+2:\\s+unnamed\\s+unused\\s+input.*"), info.get(3));
        assertTrue(info.get(4).matches("\\s*line\\s+3:\\s+\"RESET\".*"), info.get(4));
        assertTrue(info.get(8).matches("\\s*line\\s+7:\\s+\"SYNC\".*"), info.get(8));

        // gpioset drives an output: SET_VALUE then SET_DIRECTION(OUT), and the level
        g.awaitSync("gpioset-held", 60_000);
        String[] st = c.awaitLine(0, "out", "1", 30_000); // gpioset runs in the background: give it time
        assertEquals("1", c.ok("get 0"), "the host reads the level the guest drives");
        assertEquals("LED", st[1]);
        assertEquals("out", st[2]);
        assertEquals("1", st[3]);
        List<Ev> all = c.events(0);
        List<Ev> line0 = all.stream().filter(e -> e.line() == 0 && e.kind().equals("REQUEST")
                && (e.requestType() == 3 || e.requestType() == 5)).toList();
        assertTrue(line0.size() >= 2, "requests for line 0: " + line0);
        assertEquals(5, line0.get(0).requestType(), "first SET_VALUE");
        assertEquals(1, line0.get(0).requestValue());
        assertEquals(3, line0.get(1).requestType(), "then SET_DIRECTION");
        assertEquals(1, line0.get(1).requestValue(), "OUT");
        assertTrue(of(all, "LEVEL", 0).stream().anyMatch(e -> e.a() == 1 && e.text().contains("(guest)")),
                "a level change to 1 caused by the guest");
        release(c);

        // gpioget reads both levels set through the control socket
        g.awaitSync("gpioget-high", 60_000);
        c.ok("set 1 1");
        release(c);
        assertEquals("GET-HIGH 1", g.awaitPrefix("GET-HIGH", 60_000).text());
        g.awaitSync("gpioget-low", 60_000);
        c.ok("set BUTTON 0");
        // Where the eventq buffers of the next gpiomon will be counted from: taken while the guest waits for the
        // release, so that none of them can be queued before it.
        long phaseFrom = c.nextSeq();
        release(c);
        assertEquals("GET-LOW 0", g.awaitPrefix("GET-LOW", 60_000).text());

        // gpiomon with rising, falling and both edges, then a burst of 100 pulses
        String[] modes = {"rising", "falling", "both", "burst"};
        String[] irq = {"edge-rising", "edge-falling", "edge-both", "edge-both"};
        int[] pulseCount = {5, 5, 5, 100};
        for (int m = 0; m < modes.length; m++) {
            g.awaitPrefix("MON-START " + modes[m], 60_000);
            long from = c.nextSeq();
            c.awaitIrqType(1, irq[m], 60_000);
            if (irq[m].equals("edge-both")) {
                edgeBothPulses(c, 1, pulseCount[m], phaseFrom);
            } else {
                pulses(c, 1, pulseCount[m], phaseFrom);
            }
            g.awaitPrefix("MON-END " + modes[m], 120_000);
            List<String> got = g.between("MON-START " + modes[m], "MON-END " + modes[m]);
            List<String> want = new ArrayList<>();
            for (int i = 0; i < pulseCount[m]; i++) {
                if (!modes[m].equals("falling")) {
                    want.add("1");
                }
                if (!modes[m].equals("rising")) {
                    want.add("0");
                }
            }
            assertEquals(want, got, "gpiomon " + modes[m] + ": edges in the count and order injected");
            // The event log agrees: exactly that many interrupts, and stopping gpiomon disabled the interrupt and
            // returned the buffer INVALID, so the next gpiomon on the line works.
            awaitEvents(c, from, evs -> !of(evs, "BUFFER_INVALID", 1).isEmpty(), 10_000);
            List<Ev> evs = c.events(from);
            assertEquals(want.size(), of(evs, "INTERRUPT", 1).size(), modes[m] + ": interrupts in the event log:\n"
                    + String.join("\n", evs.stream().filter(e -> e.line() == 1).map(Ev::toString).toList()));
            List<Ev> disable = of(evs, "IRQ_TYPE", 1).stream().filter(e -> e.a() == 0).toList();
            assertEquals(1, disable.size(), modes[m] + ": one SET_IRQ_TYPE(NONE) when gpiomon stops");
            List<Ev> invalid = of(evs, "BUFFER_INVALID", 1);
            assertEquals(1, invalid.size(), modes[m] + ": the held buffer came back INVALID");
            assertTrue(invalid.get(0).seq() > disable.get(0).seq(), "NONE, then INVALID");
            g.awaitSync("phase-done", 60_000);
            phaseFrom = c.nextSeq();
            release(c); // the host's last pulse has ended: the next gpiomon sees only its own edges
        }

        // Figures: gpioget round trip inside the guest
        String[] loop = g.awaitPrefix("GPIOGET-LOOP", 120_000).text().split(" ");
        double perCall = (Double.parseDouble(loop[3]) - Double.parseDouble(loop[2])) / Integer.parseInt(loop[1]);
        Report.figure(String.format(Locale.ROOT, "in-guest gpioget round trip (process start included): %.1f ms per call"
                + " (100 calls, /proc/uptime)", perCall * 1000));

        // Figures: host 'set' to gpiomon printing it (console included)
        g.awaitPrefix("MON-START latency", 60_000);
        c.awaitIrqType(2, "edge-rising", 60_000);
        long[] lat = new long[10];
        for (int i = 0; i < 10; i++) {
            awaitBufferHeld(c, 2, phaseFrom); // gpiomon's driver is armed for the next edge
            long t0 = System.nanoTime();
            c.ok("set 2 1");
            Guest.Line l = g.await(s -> s.equals("1"), 30_000, "gpiomon's event " + i);
            lat[i] = l.nanos() - t0;
            c.ok("set 2 0");
        }
        g.awaitPrefix("MON-END latency", 60_000);
        Report.figure("host 'set' -> gpiomon prints the edge on the guest console: " + Report.millis(lat));

        // Figures: a fast burst the guest cannot follow (reported, not required)
        g.awaitPrefix("MON-START fast", 60_000);
        c.awaitIrqType(4, "edge-both", 60_000);
        long from = c.nextSeq();
        for (int i = 0; i < 200; i++) {
            c.ok("pulse 4 250");
            long until = System.nanoTime() + 250_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        awaitBufferHeld(c, 4, phaseFrom); // the guest's driver took every interrupt it was given and re-armed
        g.awaitSync("fast-done", 60_000);
        release(c);
        g.awaitPrefix("MON-END fast", 60_000);
        int printed = (int) g.between("MON-START fast", "MON-END fast").stream()
                .filter(l -> l.equals("0") || l.equals("1")).count();
        int delivered = of(c.events(from), "INTERRUPT", 4).size();
        Report.figure("burst of 200 pulses 250 us wide, 500 us apart (400 edges, EDGE_BOTH): " + delivered
                + " interrupts delivered, " + printed + " events printed by gpiomon (one-deep latch; reported only)");

        assertEquals(0, g.waitExit(GUEST_TIMEOUT_S), "guest script exit code");
        // The Linux driver breaks no driver-normative statement.
        List<Ev> violations = c.events(0).stream().filter(e -> e.kind().equals("RULE_VIOLATION")).toList();
        assertEquals(List.of(), violations, "driver-rule violations by the Linux driver");
        assertTrue(serve.alive(), "the backend is still serving");
    }

    interface EvCheck {
        boolean done(List<Ev> evs);
    }

    /** Polls the event log until the check holds; fails, listing the events, if it does not within the time. */
    static void awaitEvents(Control c, long from, EvCheck check, long timeoutMillis) throws Exception {
        AtomicReference<List<Ev>> last = new AtomicReference<>(List.of());
        try {
            Control.until("the awaited events", timeoutMillis, () -> {
                last.set(c.events(from));
                return check.done(last.get());
            });
        } catch (TimeoutException e) {
            List<String> seen = last.get().stream().map(Ev::toString).toList();
            throw new AssertionError("the awaited events did not come within " + timeoutMillis + " ms; events since "
                    + from + ":\n" + String.join("\n", seen), e);
        }
    }

    static String tail(String text, int lines) {
        List<String> l = new ArrayList<>(List.of(text.split("\n")));
        return String.join("\n", l.subList(Math.max(0, l.size() - lines), l.size()));
    }

}
