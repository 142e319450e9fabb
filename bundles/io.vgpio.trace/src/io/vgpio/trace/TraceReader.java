package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a trace file (version 1 to 3) into an {@link EventLog} whose clock is the recording's (times in ns since the
 * trace start) and which, from version 3 on, carries the device's state when the recording started
 * ({@link EventLog#startState()}), so that every reader of the log starts from it. A recording that was cut (by a crash or {@code kill -9}: no end marker, or an incomplete last
 * block) reads back to its last complete block, with a warning naming the offset where it was cut; anything else
 * that is wrong is a {@link TraceFormatException} naming the byte offset. Records of kinds a later version added
 * are skipped and counted.
 */
public final class TraceReader {
    private TraceReader() {
    }

    /**
     * What a trace file holds.
     *
     * @param cutAt byte offset where a cut recording ends (everything before it was read), or -1 if the recording
     *            ended cleanly or, for a version-1 trace that has no end marker, nothing shows that it was cut
     * @param unknownSkipped records of kinds this version does not know (a later version wrote them), skipped
     * @param stoppedNanos when the recording stopped, ns since the trace start, as the end marker of a version-3
     *            trace says; -1 when not known (an earlier version, or a cut recording)
     */
    public record Trace(Path file, int version, DeviceConfig config, long wallClockStartMicros, EventLog log,
            long dropped, long unknownSkipped, long cutAt, String warning, long stoppedNanos) {
        /** Number of events read. */
        public long events() {
            return log.nextSeq();
        }

        /**
         * How long the recording ran, in ns: until it stopped when the trace says so, else until its last event
         * (0 for an empty trace).
         */
        public long durationNanos() {
            long n = log.nextSeq();
            return Math.max(stoppedNanos, n == 0 ? 0 : log.get(n - 1).timeNanos());
        }

        /**
         * The device's state when the recording started (the trace's time 0, before its first event), or null
         * when the trace does not hold it (versions 1 and 2, or a trace written without a device).
         */
        public DeviceState startState() {
            return log.startState();
        }
    }

    private record Header(int version, int length, long wallStartMicros, DeviceConfig config, DeviceState start) {
    }

    public static Trace read(Path file) throws IOException {
        return read(file, Files.readAllBytes(file));
    }

    /** Reads a trace already in memory; {@code file} names it in messages (the fuzz harness calls this). */
    public static Trace read(Path file, byte[] bytes) throws TraceFormatException {
        String name = file.toString();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Header h = header(name, bytes, in);
        BlockWalk walk = new BlockWalk(name, bytes, in, h.version(), h.length());
        BlockDecoder counter = new BlockDecoder(name, h.config().lines());
        walk.blocks(counter, null);
        if (counter.events > Integer.MAX_VALUE / 4) {
            throw new TraceFormatException(name, walk.end(), "too many events for one log: " + counter.events);
        }
        EventLog log = new EventLog((int) Math.max(1, counter.events), 0, h.wallStartMicros() / 1000, h.start());
        new BlockWalk(name, bytes, in, h.version(), h.length()).blocks(new BlockDecoder(name, h.config().lines()),
                log);
        return new Trace(file, h.version(), h.config(), h.wallStartMicros(), log, counter.dropped, counter.unknown,
                walk.cutAt(), warning(name, walk, counter.unknown, bytes.length), walk.endTime());
    }

    private static Header header(String name, byte[] bytes, ByteBuffer in) throws TraceFormatException {
        if (bytes.length < HEADER_FIXED || !Arrays.equals(Arrays.copyOf(bytes, 8), MAGIC)) {
            throw new TraceFormatException(name, 0, "not a vGPIO trace (it does not start with \"VGPIOTRC\")");
        }
        in.position(8);
        int version = in.getShort() & 0xffff;
        if (version < VERSION_1 || version > VERSION) {
            throw new TraceFormatException(name, 8, "trace format version " + version + "; this vGPIO reads versions "
                    + VERSION_1 + " to " + VERSION);
        }
        in.getShort(); // flags, reserved
        int headerLength = in.getInt();
        long wallStart = in.getLong();
        in.getLong(); // the recording's monotonic start: times in the blocks are relative to it already
        int configLength = in.getInt();
        int configAt = in.position();
        int sum = version == VERSION_1 ? 0 : 4;
        if (configLength < 0 || configAt + (long) configLength + sum > bytes.length) {
            throw headerLengths(name, headerLength, configLength, bytes.length);
        }
        int stateAt = configAt + configLength;
        int stateLength = 0;
        if (version >= VERSION) {
            if (stateAt + 4L + sum > bytes.length) {
                throw headerLengths(name, headerLength, configLength, bytes.length);
            }
            stateLength = in.getInt(stateAt);
            stateAt += 4;
            if (stateLength < 0 || stateAt + (long) stateLength + sum > bytes.length) {
                throw new TraceFormatException(name, stateAt - 4, "the start state's length " + stateLength
                        + " does not fit the file (" + bytes.length + " bytes)");
            }
        }
        if (headerLength != stateAt + stateLength + sum) {
            throw headerLengths(name, headerLength, configLength, bytes.length);
        }
        if (version != VERSION_1) {
            int crcAt = headerLength - 4;
            if (in.getInt(crcAt) != crc(bytes, 0, crcAt)) {
                throw new TraceFormatException(name, crcAt, "header checksum mismatch (the header is damaged)");
            }
        }
        DeviceConfig config;
        try {
            String text = new String(bytes, configAt, configLength, StandardCharsets.UTF_8);
            config = DeviceConfig.parse(List.of(text.split("\n")), "device configuration").build();
        } catch (ConfigException e) {
            throw new TraceFormatException(name, configAt, "the device configuration is not valid: " + e.getMessage());
        }
        DeviceState start = StartStateCodec.decode(name, bytes, stateAt, stateLength, config);
        return new Header(version, headerLength, wallStart, config, start);
    }

    private static TraceFormatException headerLengths(String name, int headerLength, int configLength, int size) {
        return new TraceFormatException(name, 12, "the header's length " + headerLength + " and configuration length "
                + configLength + " do not agree or do not fit the file (" + size + " bytes)");
    }

    private static String warning(String name, BlockWalk walk, long unknown, int size) {
        String cut = walk.cutAt() < 0 ? null : name + ": the recording was cut at byte offset " + walk.cutAt()
                + " (of " + size + "): " + walk.cutReason() + "; everything before that offset was read";
        String skipped = unknown == 0 ? null : name + ": " + unknown
                + " records of event kinds this vGPIO does not know (a later version wrote them) were skipped";
        return cut == null ? skipped : skipped == null ? cut : cut + "\n" + skipped;
    }
}
