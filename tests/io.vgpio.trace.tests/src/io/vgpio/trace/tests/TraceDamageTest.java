package io.vgpio.trace.tests;

import static io.vgpio.trace.tests.TraceBytes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.EventKind;
import io.vgpio.trace.TraceFormat;
import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probe finding F9 (issue 10): damage to a trace is an error naming its byte offset, never a quietly wrong read. */
class TraceDamageTest {
    private static byte[] golden(Path dir) throws Exception {
        Path f = dir.resolve("golden-v2.trc");
        GoldenEvents.write(GoldenEvents.log(), f);
        return Files.readAllBytes(f);
    }

    private static TraceFormatException error(Path dir, byte[] bytes) throws Exception {
        Path f = dir.resolve("damaged.trc");
        Files.write(f, bytes);
        return assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
    }

    @Test
    @DisplayName("F9: a bit flip in the header (lines = 8 becoming 9) is an error at the header checksum")
    void f9_header_bit_flip_is_an_error(@TempDir Path dir) throws Exception {
        byte[] b = golden(dir);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("lines = 8") + "lines = ".length();
        b[at] ^= 0x01; // '8' -> '9'
        TraceFormatException e = error(dir, b);
        assertEquals(headerLength(b) - 4, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("header checksum"), e.getMessage());
    }

    @Test
    @DisplayName("F9: every bit flip of a trace (seeded, 600 flips) is an error naming an offset in the file, or reads"
            + " back identically")
    void f9_random_bit_flips_are_errors_or_identical(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        Path f = dir.resolve("good.trc");
        Files.write(f, good);
        String expected = TraceDump.dump(TraceReader.read(f));
        Random r = new Random(9);
        int errors = 0;
        for (int i = 0; i < 600; i++) {
            byte[] b = good.clone();
            int at = r.nextInt(b.length);
            b[at] ^= (byte) (1 << r.nextInt(8));
            Files.write(f, b);
            try {
                TraceReader.Trace t = TraceReader.read(f);
                assertEquals(expected, TraceDump.dump(t), "flip at " + at + " read back differently");
                assertEquals(-1, t.cutAt(), "flip at " + at + " read back as a cut recording");
            } catch (TraceFormatException e) {
                assertTrue(e.offset() >= 0 && e.offset() < b.length, "flip at " + at + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("byte offset " + e.offset()), e.getMessage());
                errors++;
            }
        }
        assertEquals(600, errors, "every byte of a version-2 trace is covered by a checksum");
    }

    @Test
    @DisplayName("F9: a flipped block length is an error at that block, not an interrupted recording with 0 events")
    void f9_flipped_block_length_is_an_error(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        int block = blockStarts(good).get(1);
        for (int bit = 0; bit < 32; bit++) {
            byte[] b = good.clone();
            b[block + 4 + bit / 8] ^= (byte) (1 << bit % 8);
            TraceFormatException e = error(dir, b);
            assertEquals(block, e.offset(), e.getMessage());
        }
    }

    @Test
    @DisplayName("F9: a recording without its end marker (killed) is reported as cut, at the end of its last block")
    void f9_killed_recording_is_reported_as_cut(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        int end = blockStarts(good).getLast(); // where the end marker starts
        Path f = dir.resolve("killed.trc");
        Files.write(f, Arrays.copyOf(good, end));
        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(end, t.cutAt());
        assertTrue(t.warning().contains("cut at byte offset " + end) && t.warning().contains("no end marker"),
                t.warning());
        assertEquals(GoldenEvents.log().nextSeq(), t.events(), "every flushed event is there");
    }

    @Test
    @DisplayName("F9: records naming a line the device does not have are errors naming the record's offset")
    void f9_out_of_range_line_is_an_error(@TempDir Path dir) throws Exception {
        Object[][] cases = { {EventKind.LEVEL, 8}, {EventKind.DIRECTION, 9}, {EventKind.HW_EDGE, -1},
                {EventKind.REQUEST, 0x10000}, {EventKind.CONNECTION, -2} };
        for (Object[] c : cases) {
            Path f = dir.resolve("line.trc");
            try (TraceWriter w = new TraceWriter(f, GoldenEvents.config(), 0, 0)) {
                w.add(0, 0, EventKind.CONNECTION, -1, 1, 0); // first record at header + 16 + 2, 5 bytes
                w.add(1, 0, (EventKind) c[0], (int) c[1], 1, 0);
            }
            int record = headerLength(Files.readAllBytes(f)) + BLOCK_HEAD + 2 + 5;
            TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
            assertEquals(record, e.offset(), e.getMessage());
            assertTrue(e.getMessage().contains("line " + c[1]), e.getMessage());
        }
    }

    /** A file with the golden header and one crafted block of records, then no end marker. */
    private static Path crafted(Path dir, byte[] good, byte[]... records) throws Exception {
        byte[] payload = concat(varint(0), varint(0), concat(records));
        Path f = dir.resolve("crafted.trc");
        Files.write(f, concat(Arrays.copyOf(good, headerLength(good)), block(TraceFormat.BLOCK_MAGIC, payload)));
        return f;
    }

    @Test
    @DisplayName("F9: a dropped count of 2^63, or dropped counts whose sum overflows, are errors naming the record")
    void f9_dropped_count_overflow_is_an_error(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        int first = headerLength(good) + BLOCK_HEAD + 2;
        byte[] dropped = {0x7f, 0};
        Path f = crafted(dir, good, dropped, varint(1L << 63));
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
        assertEquals(first, e.offset(), e.getMessage());
        Path g = crafted(dir, good, dropped, varint(Long.MAX_VALUE), dropped, varint(1));
        e = assertThrows(TraceFormatException.class, () -> TraceReader.read(g));
        assertEquals(first + 2 + varint(Long.MAX_VALUE).length, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    }

    @Test
    @DisplayName("F9: a LEVEL tag with bits that are no level or cause is an error naming the record")
    void f9_bad_level_tag_is_an_error(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        Path f = crafted(dir, good, new byte[] {(byte) 0x88, 0, 1});
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(f));
        assertEquals(headerLength(good) + BLOCK_HEAD + 2, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown record tag 0x88"), e.getMessage());
    }

    @Test
    @DisplayName("A record of a kind this version does not know is skipped and counted; the events around it are read")
    void unknown_kind_is_skipped_and_counted(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        byte[] level = {(byte) 0x81, 5, 1}; // level 0, cause user, dt 5, line 1
        byte[] future = concat(new byte[] {0x40, 7}, varint(3), varint(42), varint(0)); // kind 64, line 2
        Path f = crafted(dir, good, level, future, level);
        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(2, t.events());
        assertEquals(1, t.unknownSkipped());
        assertEquals(17, t.log().get(1).timeNanos(), "the skipped record's time delta still counts");
        assertTrue(t.warning().contains("1 records of event kinds this vGPIO does not know"), t.warning());
    }

    @Test
    @DisplayName("Bytes after the end marker, or an end marker whose counts disagree with the blocks, are errors")
    void end_marker_is_checked(@TempDir Path dir) throws Exception {
        byte[] good = golden(dir);
        int end = blockStarts(good).getLast();
        TraceFormatException e = error(dir, concat(good, new byte[] {0}));
        assertEquals(good.length, e.offset(), e.getMessage());
        // Version 3: events, dropped, end time.
        byte[] wrongCount = concat(Arrays.copyOf(good, end),
                block(TraceFormat.END_MAGIC, concat(varint(1), varint(3), varint(0))));
        e = error(dir, wrongCount);
        assertEquals(end, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("end marker counts 1 events"), e.getMessage());
        byte[] noEndTime = concat(Arrays.copyOf(good, end), block(TraceFormat.END_MAGIC, concat(varint(203),
                varint(3))));
        e = error(dir, noEndTime);
        assertTrue(e.getMessage().contains("the end marker is malformed"), e.getMessage());
    }

    @Test
    @DisplayName("A start state that cannot be right (a direction no line can have), under a good checksum, is an error"
            + " naming its offset")
    void bad_start_state_is_an_error(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        Path f = dir.resolve("state.trc");
        d.recordings.start(f);
        d.recordings.stop();
        byte[] b = Files.readAllBytes(f);
        int configLength = u32(b, 32);
        int state = 36 + configLength + 4; // after the configuration and the start state's length
        // flags, accepted features (one byte: 0x100000001 takes five), line count (one byte), then line 0
        int line0 = state + 1 + 5 + 1;
        assertEquals(0, b[line0], "line 0's direction is none");
        b[line0] = 7;
        int crcAt = headerLength(b) - 4;
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(crcAt, crc(b, 0, crcAt));
        TraceFormatException e = error(dir, b);
        assertEquals(line0, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("the start state of line 0 is not valid"), e.getMessage());
    }
}
