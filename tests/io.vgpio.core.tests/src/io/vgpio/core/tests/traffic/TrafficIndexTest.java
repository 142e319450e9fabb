package io.vgpio.core.tests.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.traffic.TrafficFilter;
import io.vgpio.core.traffic.TrafficIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The traffic table's rows: the sequence numbers of the events that pass the filter, as the log grows and drops. */
class TrafficIndexTest {
    /** Long enough that a scan of these small logs ends because the log did, never because of the clock. */
    private static final long BUDGET = 3_600_000_000_000L;

    /** Appends a request and a level change per round; returns the requests' sequence numbers. */
    private static List<Long> traffic(EventLog log, int rounds) {
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            requests.add(Traffic.request(log, MessageType.GET_VALUE, i % 4, 0));
            log.append(EventKind.LEVEL, i % 4, i & 1, Cause.USER.wire());
        }
        return requests;
    }

    private static List<Long> rows(TrafficIndex index) {
        List<Long> rows = new ArrayList<>();
        for (int r = 0; r < index.size(); r++) {
            rows.add(index.seqAt(r));
        }
        return rows;
    }

    @Test
    @DisplayName("Rows are the matching events in order; rowOf and rowAtOrAfter find them")
    void indexes_matching_events() {
        EventLog log = new EventLog(1024);
        List<Long> requests = traffic(log, 10);
        TrafficIndex index = new TrafficIndex(TrafficFilter.defaults());
        assertEquals(10, index.scan(log, BUDGET));
        assertTrue(index.caughtUp(log));
        assertEquals(requests, rows(index), "the level changes are filtered out");
        assertEquals(3, index.rowOf(requests.get(3)));
        assertEquals(-1, index.rowOf(requests.get(3) + 1), "a level change has no row");
        assertEquals(4, index.rowAtOrAfter(requests.get(3) + 1));
        assertEquals(10, index.rowAtOrAfter(log.nextSeq()));
        assertThrows(IndexOutOfBoundsException.class, () -> index.seqAt(10));
    }

    @Test
    @DisplayName("A scan takes only what the log gained since the last one")
    void scans_incrementally() {
        EventLog log = new EventLog(1024);
        List<Long> requests = traffic(log, 3);
        TrafficIndex index = new TrafficIndex(TrafficFilter.defaults());
        index.scan(log, BUDGET);
        requests.addAll(traffic(log, 2));
        assertFalse(index.caughtUp(log));
        assertEquals(2, index.scan(log, BUDGET));
        assertEquals(requests, rows(index));
        assertEquals(log.nextSeq(), index.scannedTo());
        assertEquals(0, index.scan(log, BUDGET));
    }

    @Test
    @DisplayName("Over a log that drops its oldest events, the dropped rows are cut and the rest stay in order")
    void log_that_drops_old_events() {
        EventLog log = new EventLog(16);
        List<Long> requests = traffic(log, 5);
        TrafficIndex index = new TrafficIndex(TrafficFilter.defaults());
        index.scan(log, BUDGET);
        assertEquals(5, index.size());

        requests.addAll(traffic(log, 20)); // 50 events into a ring of 16: the first 34 are gone
        assertTrue(log.dropped() > 0);
        index.scan(log, BUDGET);
        int cut = index.dropBefore(log.firstSeq());
        List<Long> held = requests.stream().filter(s -> s >= log.firstSeq()).toList();
        assertEquals(held, rows(index), "exactly the held requests, oldest first");
        assertTrue(cut > 0);
        assertEquals(0, index.dropBefore(log.firstSeq()), "nothing more to cut");
        assertEquals(-1, index.rowOf(requests.get(0)));
    }

    @Test
    @DisplayName("A new filter forgets the rows and indexes the held log again")
    void reset_with_another_filter() {
        EventLog log = new EventLog(1024);
        traffic(log, 8);
        TrafficIndex index = new TrafficIndex(TrafficFilter.defaults());
        index.scan(log, BUDGET);
        TrafficFilter line2 = new TrafficFilter(TrafficFilter.TYPES.get(0), 2, TrafficFilter.StatusChoice.ANY);
        index.reset(line2);
        assertEquals(0, index.size());
        assertEquals(line2, index.filter());
        index.scan(log, BUDGET);
        assertEquals(2, index.size(), "rounds 2 and 6 were on line 2");
        for (long seq : rows(index)) {
            assertEquals(2, log.get(seq).line());
        }
    }
}
