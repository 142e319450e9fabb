package io.vgpio.trace.tests;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The events of the golden traces: every event kind, every cause, driver rule, chain error and INVALID reason,
 * on several lines, over several blocks, with a dropped-events record. {@link #main} wrote
 * {@code golden/v1-ae8cb0c.trc} and its dump with the trace code of main at commit ae8cb0c (format version 1);
 * it is kept to show how, not to be run again (a later writer writes a later version). It then used the enums'
 * ordinals, which became their wire numbers unchanged. The version-1 writer did not advance its time base over a
 * dropped-events record, so in that file the event after it (seq 150) is late by the record's delta (16,217 ns); the
 * dump keeps that, because a reader must read old files as they were written.
 */
final class GoldenEvents {
    static final long WALL_START_MICROS = 1_796_000_000_123_456L;

    private GoldenEvents() {
    }

    static DeviceConfig config() throws Exception {
        return DeviceConfig.builder().lines(8).namesList("LED,BUTTON,,,,,,SYNC").build();
    }

    /** The events, in a log whose clock starts at 0. */
    static EventLog log() {
        EventLog log = new EventLog(1000, 0, WALL_START_MICROS / 1000);
        long[] t = {0};
        Appender add = (kind, line, a, b) -> log.append(t[0] += 1_337 + (t[0] % 7919) * 31, kind, line, a, b);
        add.event(EventKind.CONNECTION, Event.NO_LINE, 1, 0);
        add.event(EventKind.FEATURES, Event.NO_LINE, 1L << 32 | 1, 1L << 32 | 1L << 33 | 1);
        for (int round = 0; round < 12; round++) {
            int line = round % 8;
            add.event(EventKind.REQUEST, line, 2L << 32 | 1, 2 * round);
            add.event(EventKind.RESPONSE, line, 2L << 16 | 0 << 8, 8_000 + round);
            add.event(EventKind.DIRECTION, line, round % 3, 0);
            add.event(EventKind.IRQ_TYPE, line, new int[] {0, 1, 2, 3, 4, 8}[round % 6], 0);
            add.event(EventKind.EVENT_BUFFER, line, 40 + round, 0);
            for (Cause c : Cause.values()) {
                add.event(EventKind.LEVEL, line, (round + c.wire()) % 2, c.wire()); // the compact form
            }
            add.event(EventKind.LEVEL, line, 2 + round, Cause.USER.wire()); // not 0/1: the generic form
            add.event(EventKind.EDGE_LATCHED, line, round % 2, 0);
            add.event(EventKind.INTERRUPT, line, 1 - round % 2, 15_000 + round);
            add.event(EventKind.HW_EDGE, line, round % 2, 2_500 + round);
            add.event(EventKind.RESPONSE, line, 5L << 16 | 1 << 8, 9_000);
        }
        for (EventKind.InvalidReason r : EventKind.InvalidReason.values()) {
            add.event(EventKind.BUFFER_INVALID, r.wire() % 8, r.wire(), 60 + r.wire());
        }
        for (DriverRule r : DriverRule.values()) {
            add.event(EventKind.RULE_VIOLATION, r == DriverRule.LINE_OUT_OF_RANGE ? 300 : r.wire() % 8,
                    r.wire(), 1 + r.wire() % 5);
        }
        for (EventKind.ChainError e : EventKind.ChainError.values()) {
            if (e.wire() > 11) {
                continue; // the golden trace holds the chain errors there were when it was written
            }
            add.event(EventKind.CHAIN_ERROR, Event.NO_LINE, e.wire() % 2, e.wire());
        }
        add.event(EventKind.REQUEST, 9, 99L << 32 | 0xffff_ffffL, 255); // an unknown message, past the lines
        add.event(EventKind.FEATURES, Event.NO_LINE, -1L, Long.MIN_VALUE); // extreme values
        add.event(EventKind.CONNECTION, Event.NO_LINE, 0, 0);
        return log;
    }

    private interface Appender {
        void event(EventKind kind, int line, long a, long b);
    }

    /** Writes the log in blocks of 64 events, with a dropped-events record in the third block. */
    static void write(EventLog log, Path file) throws Exception {
        try (TraceWriter w = new TraceWriter(file, config(), WALL_START_MICROS, 0)) {
            for (long seq = 0; seq < log.nextSeq(); seq++) {
                Event e = log.get(seq);
                if (seq == 150) {
                    w.addDropped(e.timeNanos(), 3);
                }
                w.add(seq, e.timeNanos(), e.kind(), e.line(), e.a(), e.b());
                if (seq % 64 == 63) {
                    w.flush();
                }
            }
        }
    }

    /** Writes the golden trace and its dump: {@code GoldenEvents DIR}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path trace = dir.resolve("v1-ae8cb0c.trc");
        write(log(), trace);
        Files.writeString(dir.resolve("v1-ae8cb0c.txt"), TraceDump.dump(TraceReader.read(trace)),
                StandardCharsets.UTF_8);
    }
}
