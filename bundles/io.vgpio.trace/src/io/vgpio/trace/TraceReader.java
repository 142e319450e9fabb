package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads a trace file into an {@link EventLog} whose clock is the recording's (times in ns since the trace start).
 * A file cut short by a crash reads back to its last complete block, with a warning naming where it ends; anything
 * else that is wrong is a {@link TraceFormatException} naming the byte offset.
 */
public final class TraceReader {
    private TraceReader() {
    }

    /** What a trace file holds. */
    public record Trace(Path file, DeviceConfig config, long wallClockStartMicros, EventLog log, long dropped,
            String warning) {
        /** Number of events read. */
        public long events() {
            return log.nextSeq();
        }

        /** Time of the last event, in ns since the trace start (0 for an empty trace). */
        public long durationNanos() {
            long n = log.nextSeq();
            return n == 0 ? 0 : log.get(n - 1).timeNanos();
        }
    }

    public static Trace read(Path file) throws IOException {
        return read(file, Files.readAllBytes(file));
    }

    /** Reads a trace already in memory; {@code file} names it in messages (the fuzz harness calls this). */
    public static Trace read(Path file, byte[] bytes) throws TraceFormatException {
        String name = file.toString();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 36 || !Arrays.equals(Arrays.copyOf(bytes, 8), MAGIC)) {
            throw new TraceFormatException(name, 0, "not a vGPIO trace (it does not start with \"VGPIOTRC\")");
        }
        in.position(8);
        int version = in.getShort() & 0xffff;
        if (version != VERSION) {
            throw new TraceFormatException(name, 8, "trace format version " + version + "; this vGPIO reads version "
                    + VERSION);
        }
        in.getShort();
        int headerLength = in.getInt();
        long wallStart = in.getLong();
        in.getLong(); // the recording's monotonic start: times in the blocks are relative to it already
        int configLength = in.getInt();
        int configAt = in.position();
        if (configLength < 0 || configAt + (long) configLength > bytes.length || headerLength != configAt + configLength) {
            throw new TraceFormatException(name, 32, "the header's configuration length " + configLength
                    + " does not fit the file (" + bytes.length + " bytes)");
        }
        DeviceConfig config;
        try {
            String text = new String(bytes, configAt, configLength, StandardCharsets.UTF_8);
            config = DeviceConfig.parse(List.of(text.split("\n")), "device configuration").build();
        } catch (ConfigException e) {
            throw new TraceFormatException(name, configAt, "the device configuration is not valid: " + e.getMessage());
        }

        // First pass: validate blocks, count events.
        long[] counts = new long[2]; // events, dropped
        String warning = null;
        int end = headerLength;
        int at = headerLength;
        CRC32 crc = new CRC32();
        while (at < bytes.length) {
            if (bytes.length - at < BLOCK_HEADER) {
                warning = truncated(name, at, bytes.length);
                break;
            }
            in.position(at);
            int magic = in.getInt();
            int length = in.getInt();
            int sum = in.getInt();
            if (magic != BLOCK_MAGIC) {
                throw new TraceFormatException(name, at, "expected a block (magic VBLK) but found 0x"
                        + Integer.toHexString(magic));
            }
            if (length < 0 || length > MAX_BLOCK) {
                throw new TraceFormatException(name, at + 4, "block length " + length + " is out of range");
            }
            int payload = at + BLOCK_HEADER;
            if ((long) payload + length > bytes.length) {
                warning = truncated(name, at, bytes.length);
                break;
            }
            crc.reset();
            crc.update(bytes, payload, length);
            if ((int) crc.getValue() != sum) {
                if (payload + length == bytes.length) {
                    warning = truncated(name, at, bytes.length); // a torn last write
                    break;
                }
                throw new TraceFormatException(name, at, "block checksum mismatch (the file is damaged)");
            }
            decode(name, in, payload, length, null, counts);
            at = payload + length;
            end = at;
        }
        if (counts[0] > Integer.MAX_VALUE / 4) {
            throw new TraceFormatException(name, end, "too many events for one log: " + counts[0]);
        }
        EventLog log = new EventLog((int) Math.max(1, counts[0]), 0, wallStart / 1000);
        long[] again = new long[2];
        for (int pos = headerLength; pos < end;) {
            in.position(pos + 4);
            int length = in.getInt();
            decode(name, in, pos + BLOCK_HEADER, length, log, again);
            pos += BLOCK_HEADER + length;
        }
        return new Trace(file, config, wallStart, log, counts[1], warning);
    }

    private static String truncated(String name, int at, int size) {
        return name + ": the recording ends with an incomplete block at byte offset " + at + " (of " + size
                + "): it was interrupted; everything before that offset was read";
    }

    /** Decodes one block's records into log (or only counts them when log is null). */
    private static void decode(String name, ByteBuffer in, int payload, int length, EventLog log, long[] counts)
            throws TraceFormatException {
        EventKind[] kinds = EventKind.values();
        int end = payload + length;
        in.position(payload);
        int recordAt = payload;
        try {
            varint(in);
            long time = varint(in);
            while (in.position() < end) {
                recordAt = in.position();
                int tag = in.get() & 0xff;
                time += varint(in);
                if ((tag & TAG_LEVEL) != 0) {
                    int line = (int) varint(in);
                    if (log != null) {
                        log.append(time, EventKind.LEVEL, line, (tag >> 2) & 1, tag & 3);
                    }
                    counts[0]++;
                } else if (tag == TAG_DROPPED) {
                    counts[1] += varint(in);
                } else if (tag < kinds.length) {
                    int line = (int) (varint(in) - 1);
                    long a = unzigzag(varint(in));
                    long b = unzigzag(varint(in));
                    if (log != null) {
                        log.append(time, kinds[tag], line, a, b);
                    }
                    counts[0]++;
                } else {
                    throw new TraceFormatException(name, recordAt, "unknown record tag 0x" + Integer.toHexString(tag));
                }
            }
            if (in.position() != end) {
                throw new TraceFormatException(name, recordAt, "a record runs past the end of its block");
            }
        } catch (BufferUnderflowException e) {
            throw new TraceFormatException(name, recordAt, "a record runs past the end of the file");
        }
    }

    private static long varint(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new BufferUnderflowException();
    }
}
