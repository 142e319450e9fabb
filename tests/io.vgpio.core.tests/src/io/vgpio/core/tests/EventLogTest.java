package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    @DisplayName("F2: a reader that is blocked while it looks at events does not block appends")
    void f2_a_blocked_reader_does_not_block_appends() throws Exception {
        EventLog log = new EventLog(16);
        for (int i = 0; i < 8; i++) {
            log.append(EventKind.LEVEL, i, 1, 0);
        }
        CountDownLatch readerInside = new CountDownLatch(1);
        CountDownLatch releaseReader = new CountDownLatch(1);
        long[] seen = new long[1];
        Thread reader = new Thread(() -> log.read(0, 8, (s, t, k, l, a, b) -> {
            if (seen[0]++ == 0) {
                readerInside.countDown();
                try {
                    releaseReader.await(); // a control client that does not read its answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }), "blocked-reader");
        reader.start();
        readerInside.await();
        try {
            assertTrue(LockProbe.completesWithoutWaiting(() -> log.append(EventKind.LEVEL, 0, 0, 0)),
                    "an append waited for a reader that was looking at events");
            assertEquals(9, log.nextSeq());
        } finally {
            releaseReader.countDown();
            reader.join();
        }
        assertEquals(8, seen[0], "the reader still got the events it asked for");
    }

    @Test
    @DisplayName("A snapshot is a contiguous copy that later appends do not change")
    void snapshot_is_a_copy() {
        EventLog log = new EventLog(4);
        for (int i = 0; i < 6; i++) {
            log.append(EventKind.LEVEL, i, 1, 0);
        }
        EventLog.Snapshot s = log.snapshot(0, 10);
        assertEquals(2, s.firstSeq(), "dropped events are skipped");
        assertEquals(4, s.count());
        log.append(EventKind.LEVEL, 9, 0, 0);
        int[] lines = new int[4];
        s.forEach((seq, t, k, l, a, b) -> lines[(int) (seq - 2)] = l);
        assertArrayEquals(new int[] {2, 3, 4, 5}, lines);
        assertEquals(6, s.nextSeq());
    }

    @Test
    @DisplayName("A full ring drops the oldest events and counts them")
    void ring_drops_oldest() {
        EventLog log = new EventLog(4);
        for (int i = 0; i < 10; i++) {
            log.append(EventKind.LEVEL, i, i % 2, 0);
        }
        assertEquals(10, log.nextSeq());
        assertEquals(6, log.dropped());
        assertEquals(4, log.size());
        assertNull(log.get(5));
        Event e = log.get(6);
        assertEquals(6, e.line());
        assertEquals(EventKind.LEVEL, e.kind());
        long[] seen = new long[1];
        long next = log.read(0, 100, (s, t, k, l, a, b) -> seen[0]++);
        assertEquals(4, seen[0], "a reader that fell behind gets what is held");
        assertEquals(10, next);
    }

    @Test
    @DisplayName("Timestamps never go backwards, and time lookups find the first event at or after a time")
    void monotonic_and_searchable() {
        EventLog log = new EventLog(100);
        log.append(1000, EventKind.LEVEL, 0, 1, 0);
        log.append(500, EventKind.LEVEL, 0, 0, 0); // stamped early: clamped
        log.append(2000, EventKind.LEVEL, 0, 1, 0);
        assertEquals(1000, log.get(1).timeNanos());
        assertEquals(2, log.seqAtOrAfter(1500));
        assertEquals(0, log.seqAtOrAfter(0));
        assertEquals(3, log.seqAtOrAfter(5000));
    }

    @Test
    @DisplayName("awaitSeq wakes when an event is appended")
    void await_wakes() throws Exception {
        EventLog log = new EventLog(8);
        assertFalse(log.awaitSeq(0, 10, TimeUnit.MILLISECONDS));
        Thread waiter = Thread.currentThread();
        Thread t = new Thread(() -> {
            // Append only once the test thread is parked in awaitSeq, so that the append is what wakes it.
            while (waiter.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            log.append(EventKind.CONNECTION, -1, 1, 0);
        });
        t.start();
        assertTrue(log.awaitSeq(0, 5, TimeUnit.SECONDS));
        t.join();
    }
}
