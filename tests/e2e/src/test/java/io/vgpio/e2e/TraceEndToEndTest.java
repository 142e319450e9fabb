package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording, crash survival and replay with the real product and a real Linux guest. */
class TraceEndToEndTest {
    static final String SCRIPT = Guest.prelude(7) + """
            gpiodetect
            gpiomon -n 6 -F '%e' $C 1
            gpioset -m exit $C 0=1
            echo GUEST-DONE
            """;

    static long events(Path trace) throws Exception {
        CliTest.Result r = CliTest.run("trace", "info", trace.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("events:\\s+([0-9,]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    @DisplayName("A recording killed with SIGKILL reads back up to its last flushed block")
    void recording_survives_kill_9(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("crash.trc");
        try (Serve serve = new Serve(8, "LED,BUTTON", "--record", trace.toString()); Control c = serve.control()) {
            for (int i = 0; i < 50; i++) {
                c.ok("set 1 " + ((i + 1) % 2)); // 1, 0, 1, ...: fifty real changes
            }
            // The recorder flushes a block every 50 ms: wait until the file holds the fifty changes.
            Control.until("the trace holds the first fifty changes", 60_000, () -> events(trace) >= 50);
            for (int i = 0; i < 10; i++) {
                c.ok("set 2 " + (i % 2)); // may be lost: after the last flush
            }
            serve.kill9();
        }
        long n = events(trace);
        assertTrue(n >= 50, "the 50 changes of the flushed seconds survived: " + n);
        assertTrue(n <= 60, n + " events");
    }

    @Test
    @DisplayName("record start / record stop on the control socket of a running device: the trace starts with the"
            + " state then, and trace info prints it and the recording's own duration")
    void record_mid_session_over_the_control_socket(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("mid.trc");
        List<String> before;
        try (Serve serve = new Serve(8, "LED,BUTTON"); Control c = serve.control()) {
            c.ok("set 1 1");
            before = c.state();
            assertEquals("", c.ok("record start " + trace));
            assertEquals("err already recording to " + trace + "; 'record stop' first",
                    c.cmd("record start " + dir.resolve("other.trc")));
            c.ok("set 2 1");
            String[] stopped = c.ok("record stop").split(" ");
            assertEquals(Files.size(trace), Long.parseLong(stopped[0]));
            assertEquals(1, Long.parseLong(stopped[1]), "one change after Record");
            assertEquals("err not recording", c.cmd("record stop"));
        }
        CliTest.Result r = CliTest.run("trace", "info", trace.toString());
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        int at = out.indexOf("state at start:");
        assertTrue(at > 0, r.out());
        assertEquals(before, out.subList(at + 1, at + 1 + before.size()), r.out());
        assertTrue(out.stream().anyMatch(l -> l.matches("duration: \\d+\\.\\d{6} s")), r.out());
    }

    @Test
    @DisplayName("Record gpiomon + gpioset; replay against a fresh guest: no divergence; change the script: divergence")
    void record_and_replay_with_a_guest(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("session.trc");
        try (Serve serve = new Serve(8, "LED,BUTTON,,,,,,SYNC", "--record", trace.toString());
                Control c = serve.control(); Guest g = new Guest(serve.socket, SCRIPT, 300)) {
            c.awaitIrqType(1, "edge-both", 120_000);
            // Each edge only once gpiomon's eventq buffer is held (an edge latched before it would make the recording
            // itself a race that every replay must win again), and the next only once the guest read the level it
            // reports, however slowly the guest runs.
            GuestEndToEndTest.edgeBothPulses(c, 1, 3, 0);
            g.awaitPrefix("GUEST-DONE", 60_000);
            assertEquals(0, g.waitExit(120), g.consoleText());
        } // closing 'serve' (SIGTERM) closes the recorder, which writes the rest and the end marker
        assertTrue(events(trace) > 30);

        ReplayRun same = replay(trace, dir.resolve("b.sock"), SCRIPT);
        assertEquals(0, same.code(), same.out());
        assertTrue(same.out().contains("no divergence"), same.out());
        assertTrue(same.out().contains("input changes applied: 6 of 6"), same.out());
        Matcher timing = Pattern.compile("timing of input changes.*").matcher(same.out());
        if (timing.find()) {
            Report.figure("replay with the original timing: " + timing.group());
        }

        ReplayRun changed = replay(trace, dir.resolve("c.sock"), SCRIPT.replace("0=1", "0=0"));
        assertEquals(1, changed.code(), changed.out());
        assertTrue(changed.out().contains("DIVERGED"), changed.out());
        assertTrue(changed.out().contains("first divergence: line 0"), changed.out());
        assertTrue(changed.out().contains("the trace has 'SET_VALUE 1', the guest did 'SET_VALUE 0'"), changed.out());
    }

    record ReplayRun(int code, String out) {
    }

    static ReplayRun replay(Path trace, Path socket, String script) throws Exception {
        Path log = socket.resolveSibling(socket.getFileName() + ".out");
        ProcessBuilder pb = new ProcessBuilder(Repo.launcher().toString(), "replay", trace.toString(), "--socket",
                socket.toString(), "--timeout", "60").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VGPIO_NO_BUILD", "1");
        Process p = pb.start();
        Control.until("replay serves " + socket + " (output: " + log + ")", 60_000, () -> Files.exists(socket));
        try (Guest g = new Guest(socket, script, 300)) {
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), "replay finished; guest:\n" + g.consoleText());
            try {
                g.waitExit(120);
            } catch (java.io.IOException e) {
                throw new java.io.IOException(e.getMessage() + "\nreplay output:\n" + Files.readString(log), e);
            }
        }
        return new ReplayRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

}
