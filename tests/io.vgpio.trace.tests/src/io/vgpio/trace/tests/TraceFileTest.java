package io.vgpio.trace.tests;

import static io.vgpio.trace.tests.TraceBytes.headerLength;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceRecorder;
import io.vgpio.trace.TraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {
    static DeviceConfig config() throws Exception {
        return DeviceConfig.builder().lines(8).namesList("LED,BUTTON").build();
    }

    @Test
    @DisplayName("Every kind of event round-trips with its time, line and fields; the header keeps config and start")
    void round_trip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.trc");
        Random r = new Random(1);
        EventLog src = new EventLog(10_000, 0, 0);
        long t = 0;
        for (int i = 0; i < 5000; i++) {
            t += r.nextInt(2_000_000);
            EventKind k = EventKind.values()[r.nextInt(EventKind.values().length)];
            long a = k == EventKind.LEVEL ? r.nextInt(2) : r.nextLong() >> r.nextInt(64);
            // every cause: 0-3 fit the compact LEVEL record, FAULT (4) is written generic
            long b = k == EventKind.LEVEL ? r.nextInt(io.vgpio.core.Cause.values().length) : r.nextLong() >> r.nextInt(64);
            src.append(t, k, r.nextInt(8), a, b); // lines outside the device: TraceDamageTest, GoldenEvents
        }
        try (TraceWriter w = new TraceWriter(f, config(), 1_700_000_000_000_000L, 0)) {
            for (long s = 0; s < src.nextSeq(); s++) {
                Event e = src.get(s);
                w.add(s, e.timeNanos(), e.kind(), e.line(), e.a(), e.b());
                if (s % 1000 == 999) {
                    w.flush();
                }
            }
        }
        TraceReader.Trace tr = TraceReader.read(f);
        assertNull(tr.warning());
        assertEquals(config(), tr.config());
        assertEquals(1_700_000_000_000_000L, tr.wallClockStartMicros());
        assertEquals(src.nextSeq(), tr.events());
        for (long s = 0; s < src.nextSeq(); s++) {
            Event a = src.get(s);
            Event b = tr.log().get(s);
            assertEquals(a.timeNanos(), b.timeNanos(), "time of " + s);
            assertEquals(a.kind(), b.kind());
            assertEquals(a.line(), b.line());
            assertEquals(a.a(), b.a());
            assertEquals(a.b(), b.b());
        }
    }

    @Test
    @DisplayName("A device's parts stay out of the header (an older reader reads it; a replay does not run them twice)")
    void parts_stay_out_of_the_header(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.trc");
        DeviceConfig withParts = DeviceConfig.builder().lines(4).namesList("LED,BUTTON").part("btn", "button line=1")
                .build();
        try (TraceWriter w = new TraceWriter(f, withParts, 0, 0)) {
            w.add(0, 5, EventKind.LEVEL, 1, 1, Cause.PART.wire());
        }
        TraceReader.Trace tr = TraceReader.read(f);
        assertEquals(withParts.withoutParts(), tr.config());
        assertTrue(tr.config().parts().isEmpty());
        assertTrue(!Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("part."));
        assertEquals(Cause.PART.wire(), tr.log().get(0).b(), "a part's level change is in the trace itself");
    }

    @Test
    @DisplayName("Compact: a level change costs at most 16 bytes on average (1,000,000 of them, 1 us to 10 ms apart)")
    void level_changes_are_compact(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("levels.trc");
        Random r = new Random(2);
        long t = 0;
        int n = 1_000_000;
        try (TraceWriter w = new TraceWriter(f, config(), 0, 0)) {
            for (int i = 0; i < n; i++) {
                t += 1000 + r.nextInt(10_000_000);
                w.add(i, t, EventKind.LEVEL, r.nextInt(8), r.nextInt(2), Cause.USER.wire());
            }
        }
        double perEvent = Files.size(f) / (double) n;
        System.out.printf("trace size: %.2f bytes per level change (%d bytes for %d)%n", perEvent, Files.size(f), n);
        assertTrue(perEvent <= 16, perEvent + " bytes per level change");
        assertEquals(n, TraceReader.read(f).events());
    }

    private static Path threeBlocks(Path dir) throws Exception {
        Path f = dir.resolve("three.trc");
        try (TraceWriter w = new TraceWriter(f, config(), 0, 0)) {
            for (int b = 0; b < 3; b++) {
                for (int i = 0; i < 100; i++) {
                    w.add(b * 100 + i, (b * 100 + i) * 1000L, EventKind.LEVEL, 1, i % 2, 1);
                }
                w.flush();
            }
        }
        return f;
    }

    @Test
    @DisplayName("A file cut anywhere after the header reads back exactly its complete blocks, and says where it was cut")
    void truncated_file_reads_complete_blocks(@TempDir Path dir) throws Exception {
        Path whole = threeBlocks(dir);
        byte[] bytes = Files.readAllBytes(whole);
        List<Integer> ends = TraceBytes.blockEnds(bytes); // the end of each block of 100 events, then the end marker's
        assertEquals(4, ends.size(), "three blocks and the end marker");
        assertEquals(bytes.length, ends.get(3));
        for (int cut = headerLength(bytes); cut < bytes.length; cut++) {
            Path f = dir.resolve("cut.trc");
            Files.write(f, Arrays.copyOf(bytes, cut));
            TraceReader.Trace t = TraceReader.read(f);
            int complete = 0;
            while (ends.get(complete) <= cut) {
                complete++;
            }
            long lastEnd = complete == 0 ? headerLength(bytes) : ends.get(complete - 1);
            assertEquals(100L * complete, t.events(), "cut at " + cut);
            assertEquals(lastEnd, t.cutAt(), "cut at " + cut);
            assertNotNull(t.warning(), "cut at " + cut);
            assertTrue(t.warning().contains("cut at byte offset " + lastEnd), t.warning());
        }
        TraceReader.Trace t = TraceReader.read(whole);
        assertEquals(300, t.events());
        assertEquals(-1, t.cutAt());
        assertNull(t.warning());
    }

    @Test
    @DisplayName("A file cut inside its header is an error naming an offset, not an empty recording")
    void cut_header_is_an_error(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(threeBlocks(dir));
        for (int cut = 0; cut < headerLength(bytes); cut++) {
            Path f = dir.resolve("cut.trc");
            Files.write(f, Arrays.copyOf(bytes, cut));
            TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f),
                    "cut at " + cut);
            assertTrue(e.offset() >= 0 && e.offset() <= cut, e.getMessage());
        }
    }

    @Test
    @DisplayName("Damage is an error naming the byte offset: bad magic, version, header, a block's checksum")
    void damage_names_the_offset(@TempDir Path dir) throws Exception {
        Path f = threeBlocks(dir);
        byte[] good = Files.readAllBytes(f);
        int header = headerLength(good);

        byte[] b = good.clone();
        b[0] = 'X';
        Files.write(f, b);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("not a vGPIO trace"), e.getMessage());

        b = good.clone();
        b[8] = 9;
        Files.write(f, b);
        e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());

        b = good.clone();
        b[header + 20] ^= 0x55; // inside the first block's payload: its checksum no longer matches
        Files.write(f, b);
        e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
        assertEquals(header, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());

        Files.write(f, new byte[] {1, 2, 3});
        e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
        assertEquals(0, e.offset());
    }

    @Test
    @DisplayName("A recording read while the recorder still runs (what kill -9 leaves) has everything flushed, and is"
            + " reported as cut")
    void recording_survives_a_crash(@TempDir Path dir) throws Exception {
        EventLog log = new EventLog(100_000);
        Path f = dir.resolve("live.trc");
        TraceRecorder rec = new TraceRecorder(f, config(), log);
        try {
            for (int i = 0; i < 500; i++) {
                log.append(EventKind.LEVEL, 1, i % 2, Cause.USER.wire());
            }
            assertTrue(rec.awaitFlushed(log.nextSeq(), 30, TimeUnit.SECONDS), "the recorder flushed");
            // Copy the file as it is on disk now, as kill -9 would leave it: nothing is appended until new events.
            Path copy = dir.resolve("crash.trc");
            Files.copy(f, copy);
            TraceReader.Trace t = TraceReader.read(copy);
            assertEquals(500, t.events());
            assertEquals(1, t.log().get(0).line());
            assertEquals(Files.size(copy), t.cutAt(), "cut after the last flushed block");
            assertTrue(t.warning().contains("cut at byte offset " + Files.size(copy)), t.warning());
            for (int i = 0; i < 100; i++) {
                log.append(EventKind.LEVEL, 2, i % 2, Cause.USER.wire());
            }
        } finally {
            rec.close();
        }
        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(600, t.events(), "after close, everything");
        assertEquals(-1, t.cutAt());
        assertNull(t.warning());
    }
}
