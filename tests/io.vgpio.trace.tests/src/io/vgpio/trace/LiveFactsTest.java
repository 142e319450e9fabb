package io.vgpio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The replay follows the live guest by reading its log as it grows. In the same package as {@link Replay} because
 * {@link Replay.LiveFacts} is its private business.
 */
class LiveFactsTest {
    static final int FACTS = 100_000;

    @Test
    @DisplayName("Facts appended while the replay reads are all seen: none falls between one update and the next")
    void facts_appended_during_updates_are_never_skipped() throws Exception {
        EventLog log = new EventLog(FACTS * 2);
        Replay.LiveFacts live = new Replay.LiveFacts(log, 0);
        // A guest on another thread, as the connection thread appends while the replay thread reads. Reading from
        // the log's end after each update (the old code) lost the facts appended meanwhile: a quarter of them here.
        Thread guest = new Thread(() -> {
            for (int i = 0; i < FACTS; i++) {
                log.append(1, new Request(MessageType.GET_VALUE.wireValue(), 0, 0));
                // A guest's pace (a microsecond apart), so the reader catches up with the log's end again and again
                // instead of reading everything in one go.
                for (long until = System.nanoTime() + 1_000; System.nanoTime() < until;) {
                    Thread.onSpinWait();
                }
            }
        });
        guest.start();
        while (guest.isAlive()) {
            live.update();
        }
        guest.join();
        live.update();
        assertEquals(FACTS, live.count(1));
    }
}
