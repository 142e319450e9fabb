package io.vgpio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventLog;
import io.vgpio.core.parts.Parts;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A replay reproduces what simulated parts did to the lines: their level changes (cause {@code part}) are stimulus,
 * as a user's are, while what the guest drives stays the guest's. In {@link Replay}'s package for its stimulus reader.
 */
class PartStimulusTest {
    @Test
    @DisplayName("A button part's press and release are replayed as input changes; the guest's own output is not")
    void part_level_changes_are_stimulus() throws Exception {
        EventLog log = new EventLog(1024);
        Chip chip = new Chip(DeviceConfig.builder().lines(4).namesList("LED,BUTTON").build(), log);
        try (Parts parts = new Parts(chip)) {
            parts.add("btn", "button line=BUTTON pull=up");
            parts.add("led", "led line=LED");
            chip.guestSetDirection(1, Direction.IN);
            long from = log.nextSeq();
            parts.get("btn").press(0);
            parts.get("btn").release();
            chip.guestSetValue(0, 1);
            chip.guestSetDirection(0, Direction.OUT);
            List<Replay.Change> changes = Replay.stimulus(log, from, log.nextSeq());
            assertEquals(List.of(0, 1), changes.stream().map(Replay.Change::level).toList());
            assertEquals(List.of(1, 1), changes.stream().map(Replay.Change::line).toList());
        }
    }
}
