package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.stimulus.StimulusScheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket's edge, train and bounce. They answer {@code ok} once queued; a {@code pulse} on another line
 * answers only when its pulse is over, and the scheduler runs in order, so after it every earlier stimulus is done.
 */
class ControlStimulusTest {
    private EventLog log;
    private Chip chip;
    private StimulusScheduler scheduler;
    private ControlServer server;
    private ControlClient client;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        log = new EventLog(4096);
        chip = new Chip(DeviceConfig.builder().lines(4).namesList("LED,Red button").build(), log);
        scheduler = new StimulusScheduler(chip);
        server = new ControlServer(dir.resolve("ctl.sock"), scheduler, () -> "none");
        server.start();
        client = new ControlClient(server.path());
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        server.close();
        scheduler.close();
    }

    /** Waits, through the socket, until everything queued so far has run. */
    private void allDone() throws Exception {
        assertEquals("ok", client.ask("pulse 3 1"));
    }

    /** The levels the LEVEL events of a line went to, in order. */
    private List<Integer> levels(int line) {
        List<Integer> out = new ArrayList<>();
        log.read(0, Integer.MAX_VALUE, (s, t, k, l, a, b) -> {
            if (k == EventKind.LEVEL && l == line) {
                out.add((int) a);
            }
        });
        return out;
    }

    @Test
    @DisplayName("edge LINE rising|falling makes the edge whatever the level was")
    void edges() throws Exception {
        assertEquals("ok", client.ask("edge 0 rising"));
        assertEquals("ok", client.ask("edge LED falling"));
        assertEquals("ok", client.ask("EDGE 0 falling")); // already low: up first, then down
        allDone();
        assertEquals(List.of(1, 0, 1, 0), levels(0));
    }

    @Test
    @DisplayName("train LINE COUNT PERIOD_US [WIDTH_US] makes COUNT pulses, with or without the width")
    void trains() throws Exception {
        assertEquals("ok", client.ask("train Red button 3 2000"));
        assertEquals("ok", client.ask("train 1 2 2000 1500"));
        allDone();
        assertEquals(List.of(1, 0, 1, 0, 1, 0, 1, 0, 1, 0), levels(1));
    }

    @Test
    @DisplayName("bounce LINE TRANSITIONS DURATION_US [SEED] changes the level TRANSITIONS times")
    void bounces() throws Exception {
        assertEquals("ok", client.ask("bounce Red button 5 1000 42"));
        allDone();
        assertEquals(List.of(1, 0, 1, 0, 1), levels(1), "an odd bounce settles at the other level");
        assertEquals("ok", client.ask("bounce 1 4 1000"));
        allDone();
        assertEquals(9, levels(1).size());
        assertEquals(1, chip.inputLevel(1));
    }

    @Test
    @DisplayName("Bad values are answered err with what is wrong, and nothing is queued")
    void bad_values() throws Exception {
        String us = "\u00b5s";
        assertEquals("err usage: edge LINE rising|falling", client.ask("edge 0"));
        assertEquals("err no line '9'; lines are 0..3 or a line name", client.ask("edge 9 rising"));
        assertEquals("err an edge is rising or falling, not 'up'", client.ask("edge 0 up"));
        assertEquals("err usage: train LINE COUNT PERIOD_US [WIDTH_US]", client.ask("train 0 3"));
        assertEquals("err no line 'LAMP'; lines are 0..3 or a line name", client.ask("train LAMP 3 1000"));
        assertEquals("err COUNT must be a whole number, not 'x'", client.ask("train 0 x 1000"));
        assertEquals("err PERIOD_US must be a whole number, not '1ms'", client.ask("train 0 3 1ms"));
        assertEquals("err pulse count must be from 1 to 100,000, not 0", client.ask("train 0 0 1000"));
        assertEquals("err period must be from 2 to 60,000,000 " + us + ", not 1", client.ask("train 0 3 1"));
        assertEquals("err the period (1,000 " + us + ") must be longer than the width (1,000 " + us + "): the line"
                + " goes low between pulses", client.ask("train 0 3 1000 1000"));
        assertEquals("err usage: bounce LINE TRANSITIONS DURATION_US [SEED]", client.ask("bounce 0 3"));
        assertEquals("err transition count must be from 1 to 10,000, not 99,999", client.ask("bounce 0 99999 1000000"));
        assertEquals("err 8 transitions do not fit in 7 " + us + ": allow at least 1 " + us + " each",
                client.ask("bounce 0 8 7"));
        assertEquals("err SEED must be a whole number, not 'abc'", client.ask("bounce 0 3 1000 abc"));
        assertEquals("err DURATION_US must be a whole number, not '1.5'", client.ask("bounce 0 3 1.5"));
        allDone();
        assertEquals(List.of(), levels(0), "nothing ran on line 0");
    }

    @Test
    @DisplayName("help lists the stimulus commands")
    void help() throws Exception {
        String help = client.ask("help");
        assertTrue(help.startsWith("ok commands: set LINE 0|1; get LINE; pulse LINE MICROSECONDS; edge LINE"
                + " rising|falling; train LINE COUNT PERIOD_US [WIDTH_US]; bounce LINE TRANSITIONS DURATION_US [SEED];"
                + " state; info; events FROM [MAX]"), help);
    }
}
