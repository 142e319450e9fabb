package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a trace file (version {@link TraceFormat#VERSION}): the header (with the device's state at the start) at
 * once, then events into blocks that {@link #flush()} appends, and an end marker on {@link #close()}. The file only grows; a block is either wholly
 * there or detectably cut, so a crash loses at most the unflushed block, and a missing end marker tells a reader
 * that the recording did not end cleanly.
 */
public final class TraceWriter implements AutoCloseable {
    /** A block is flushed early when its payload reaches this size. */
    static final int BLOCK_TARGET = 1 << 20;
    private static final int HEAD = blockHeader(VERSION);

    private final FileChannel ch;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK_TARGET + 4096).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer head = ByteBuffer.allocate(HEAD).order(ByteOrder.LITTLE_ENDIAN);
    private long lastTime;
    private boolean blockOpen;
    private long bytes;
    private long events;
    private long dropped;
    /** The latest time written or given to {@link #endAt}: the end marker's end time. */
    private long endTime;

    /**
     * A trace without a start state: for events that do not come from a running device (tests, imports).
     *
     * @param monotonicStartNanos the time events are measured from
     */
    public TraceWriter(Path file, DeviceConfig config, long wallClockStartMicros, long monotonicStartNanos)
            throws IOException {
        this(file, config, wallClockStartMicros, monotonicStartNanos, null);
    }

    /**
     * @param wallClockStartMicros the wall-clock time of the trace's time zero
     * @param monotonicStartNanos the time events are measured from (when the recording started)
     * @param start the device's state at that moment, or null if there is none to record
     */
    public TraceWriter(Path file, DeviceConfig config, long wallClockStartMicros, long monotonicStartNanos,
            DeviceState start) throws IOException {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        // parts stay out of the header: their level changes and PART events are in the trace itself
        byte[] cfg = config.withoutParts().format().getBytes(StandardCharsets.UTF_8);
        byte[] state = StartStateCodec.encode(start);
        ByteBuffer h = ByteBuffer.allocate(HEADER_FIXED + cfg.length + 4 + state.length + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putShort((short) VERSION).putShort((short) 0).putInt(h.capacity()).putLong(wallClockStartMicros)
                .putLong(monotonicStartNanos).putInt(cfg.length).put(cfg).putInt(state.length).put(state);
        h.putInt(crc(h.array(), 0, h.position())).flip();
        write(h);
        ch.force(false);
    }

    /** Bytes in the file so far. */
    public long bytes() {
        return bytes;
    }

    /** Events written so far (flushed or not). */
    public long events() {
        return events;
    }

    /**
     * Adds an event.
     *
     * @param time ns since the trace start; never earlier than the previous event's
     */
    public void add(long seq, long time, EventKind kind, int line, long a, long b) throws IOException {
        if (block.position() >= BLOCK_TARGET) {
            flush();
        }
        open(seq, time);
        long dt = Math.max(0, time - lastTime);
        lastTime = Math.max(lastTime, time);
        endTime = Math.max(endTime, lastTime);
        if (kind == EventKind.LEVEL && (a == 0 || a == 1) && b >= 0 && b <= LEVEL_BITS >> 1 && line >= 0) {
            block.put((byte) (TAG_LEVEL | (int) a << 2 | (int) b));
            putVarint(block, dt);
            putVarint(block, line);
        } else {
            block.put((byte) kind.wire());
            putVarint(block, dt);
            putVarint(block, line + 1L);
            putVarint(block, zigzag(a));
            putVarint(block, zigzag(b));
        }
        events++;
    }

    /** Records that {@code count} events could not be recorded (the log's ring overran the recorder). */
    public void addDropped(long time, long count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("a dropped count cannot be negative: " + count);
        }
        open(0, time);
        block.put((byte) TAG_DROPPED);
        putVarint(block, Math.max(0, time - lastTime));
        lastTime = Math.max(lastTime, time);
        endTime = Math.max(endTime, lastTime);
        putVarint(block, count);
        dropped = Math.addExact(dropped, count);
    }

    /**
     * Says when the recording stopped (ns since the trace start), which the end marker keeps: a recording's
     * duration is up to then, not up to its last event.
     */
    public void endAt(long time) {
        endTime = Math.max(endTime, time);
    }

    private void open(long seq, long time) {
        if (!blockOpen) {
            putVarint(block, seq);
            putVarint(block, time);
            lastTime = time;
            blockOpen = true;
        }
    }

    /**
     * Appends the open block to the file. It is then safe from a crash of this process ({@code kill -9}); use
     * {@link #force()} to make it safe from a crash of the machine.
     */
    public void flush() throws IOException {
        if (!blockOpen) {
            return;
        }
        block.flip();
        writeBlock(BLOCK_MAGIC, block);
        block.clear();
        blockOpen = false;
    }

    /** Forces what was flushed to the disk. */
    public void force() throws IOException {
        ch.force(false);
    }

    private void writeBlock(int magic, ByteBuffer payload) throws IOException {
        head.clear();
        head.putInt(magic).putInt(payload.remaining()).putInt(crc(payload));
        head.putInt(crc(head.array(), 0, head.position())).flip();
        // One gathering write: a block is then less likely to be torn, and a torn one is detected anyway.
        ByteBuffer[] both = {head, payload};
        while (head.hasRemaining() || payload.hasRemaining()) {
            bytes += ch.write(both);
        }
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            bytes += ch.write(b);
        }
    }

    /**
     * Flushes, then writes the end marker (the counts a reader checks, and the end time) and forces the file to
     * disk.
     */
    @Override
    public void close() throws IOException {
        try {
            flush();
            ByteBuffer end = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            putVarint(end, events);
            putVarint(end, dropped);
            putVarint(end, endTime);
            end.flip();
            writeBlock(END_MAGIC, end);
            ch.force(false);
        } finally {
            ch.close();
        }
    }
}
