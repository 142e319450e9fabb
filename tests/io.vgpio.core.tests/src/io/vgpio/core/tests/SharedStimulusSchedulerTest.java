package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.stimulus.Bounce;
import io.vgpio.core.stimulus.PulseTrain;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.core.stimulus.Toggle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scheduler per device: what the workbench submits directly and what a script sends over the control socket
 * run one after another, in the order given, and never interleave.
 */
class SharedStimulusSchedulerTest {

    /** The lines of the LEVEL events, in log order. */
    private static List<Integer> levelLines(EventLog log) {
        List<Integer> out = new ArrayList<>();
        log.read(0, Integer.MAX_VALUE, (s, t, k, l, a, b) -> {
            if (k == EventKind.LEVEL) {
                out.add(l);
            }
        });
        return out;
    }

    @Test
    @DisplayName("Stimuli from the view and from the control socket run one after another on the one scheduler")
    void view_and_control_never_interleave(@TempDir Path dir) throws Exception {
        EventLog log = new EventLog(4096);
        Chip chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        try (StimulusScheduler scheduler = new StimulusScheduler(chip)) {
            try (ControlServer server = new ControlServer(dir.resolve("ctl.sock"), scheduler, () -> "none");
                    ControlClient script = new ControlClient(startedAt(server))) {
                // As the Stimulus view does: straight onto the device's scheduler.
                Future<?> viewTrain = scheduler.submit(new PulseTrain(0, 5, 2000, 1000));
                assertEquals("ok", script.ask("train 1 5 2000 1000"));
                Future<?> viewBounce = scheduler.submit(new Bounce(2, 5, 1000, OptionalLong.of(1)));
                // pulse answers once its pulse is over; it was queued last, so everything before it is done.
                assertEquals("ok", script.ask("pulse 3 500"));
                assertTrue(viewTrain.isDone() && viewBounce.isDone());
            }
            List<Integer> expected = new ArrayList<>();
            expected.addAll(Collections.nCopies(10, 0));
            expected.addAll(Collections.nCopies(10, 1));
            expected.addAll(Collections.nCopies(5, 2));
            expected.addAll(Collections.nCopies(2, 3));
            assertEquals(expected, levelLines(log), "each stimulus whole, in the order given");

            // The server used the device's scheduler and left it running when it closed.
            scheduler.submit(new Toggle(0)).get(10, TimeUnit.SECONDS);
            assertEquals(1, chip.inputLevel(0));
        }
    }

    @Test
    @DisplayName("Closing the scheduler (the device stops) ends the running stimulus and cancels the waiting ones")
    void close_ends_what_runs_and_cancels_what_waits() throws Exception {
        EventLog log = new EventLog(4096);
        Chip chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        StimulusScheduler scheduler = new StimulusScheduler(chip);
        Future<?> minute = scheduler.submit(new PulseTrain(0, 60, 1_000_000, 500_000)); // a minute of pulses
        Future<?> waiting = scheduler.submit(new Toggle(1));
        scheduler.close();
        // A control client waiting for a pulse is told (cancelled) rather than left waiting for ever.
        assertTrue(waiting.isCancelled());
        if (!minute.isCancelled()) { // it had started (the timer thread may not have taken it yet: then cancelled)
            minute.get(60, TimeUnit.SECONDS); // returns once the train saw the interrupt, not after its minute
        }
        assertEquals(0, chip.inputLevel(0), "a train cut short leaves the line low");
        assertEquals(0, chip.inputLevel(1), "the waiting toggle never ran");
    }

    private static Path startedAt(ControlServer server) throws Exception {
        server.start();
        return server.path();
    }
}
