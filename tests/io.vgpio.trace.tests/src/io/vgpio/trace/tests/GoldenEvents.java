package io.vgpio.trace.tests;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ChainRejected;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.DirectionChange;
import io.vgpio.core.payload.EdgeLatched;
import io.vgpio.core.payload.EventBuffer;
import io.vgpio.core.payload.EventPayload;
import io.vgpio.core.payload.Features;
import io.vgpio.core.payload.HwEdge;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.IrqTypeChange;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.core.payload.RuleViolation;
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
        // Built from the payload records: the golden files then also pin down how the records pack a and b.
        Appender add = (line, p) -> log.append(t[0] += 1_337 + (t[0] % 7919) * 31, line, p);
        add.event(Event.NO_LINE, new ConnectionChange(true));
        add.event(Event.NO_LINE, new Features(1L << 32 | 1, 1L << 32 | 1L << 33 | 1));
        for (int round = 0; round < 12; round++) {
            int line = round % 8;
            add.event(line, new Request(2, 1, 2 * round));
            add.event(line, new Response(2, Protocol.STATUS_OK, 0, 8_000 + round));
            add.event(line, new DirectionChange(round % 3));
            add.event(line, new IrqTypeChange(new int[] {0, 1, 2, 3, 4, 8}[round % 6]));
            add.event(line, new EventBuffer(40 + round));
            for (Cause c : Cause.values()) {
                add.event(line, new Level((round + c.wire()) % 2, c)); // the compact form
            }
            add.event(line, new Level(2 + round, Cause.USER)); // not 0/1: the generic form
            add.event(line, new EdgeLatched(round % 2));
            add.event(line, new Interrupt(1 - round % 2, 15_000 + round));
            add.event(line, new HwEdge(round % 2, 2_500 + round));
            add.event(line, new Response(5, Protocol.STATUS_ERR, 0, 9_000));
        }
        for (EventKind.InvalidReason r : EventKind.InvalidReason.values()) {
            add.event(r.wire() % 8, new BufferInvalid(r, 60 + r.wire()));
        }
        for (DriverRule r : DriverRule.values()) {
            add.event(r == DriverRule.LINE_OUT_OF_RANGE ? 300 : r.wire() % 8, new RuleViolation(r, 1 + r.wire() % 5));
        }
        for (EventKind.ChainError e : EventKind.ChainError.values()) {
            if (e.wire() > 11) {
                continue; // the golden trace holds the chain errors there were when it was written
            }
            add.event(Event.NO_LINE, new ChainRejected(e.wire() % 2, e));
        }
        add.event(9, new Request(99, 0xffff_ffffL, 255)); // an unknown message, past the lines
        add.event(Event.NO_LINE, new Features(-1L, Long.MIN_VALUE)); // extreme values
        add.event(Event.NO_LINE, new ConnectionChange(false));
        return log;
    }

    private interface Appender {
        void event(int line, EventPayload payload);
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
