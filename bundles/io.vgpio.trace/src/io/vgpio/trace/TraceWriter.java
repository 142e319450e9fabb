package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Writes a trace file: the header at once, then events into blocks that {@link #flush()} appends. The file only
 * grows; a block is either wholly there or detectably cut, so a crash loses at most the unflushed block.
 */
public final class TraceWriter implements AutoCloseable {
    /** A block is flushed early when its payload reaches this size. */
    static final int BLOCK_TARGET = 1 << 20;

    private final FileChannel ch;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK_TARGET + 4096).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer head = ByteBuffer.allocate(BLOCK_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private long lastTime;
    private boolean blockOpen;
    private long bytes;
    private long events;

    /**
     * @param monotonicStartNanos the time events are measured from (the event log's start)
     */
    public TraceWriter(Path file, DeviceConfig config, long wallClockStartMicros, long monotonicStartNanos)
            throws IOException {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        byte[] cfg = config.format().getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(8 + 2 + 2 + 4 + 8 + 8 + 4 + cfg.length).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putShort((short) VERSION).putShort((short) 0).putInt(h.capacity()).putLong(wallClockStartMicros)
                .putLong(monotonicStartNanos).putInt(cfg.length).put(cfg).flip();
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
        if (!blockOpen) {
            putVarint(block, seq);
            putVarint(block, time);
            lastTime = time;
            blockOpen = true;
        }
        long dt = Math.max(0, time - lastTime);
        lastTime = Math.max(lastTime, time);
        if (kind == EventKind.LEVEL && (a == 0 || a == 1) && b >= 0 && b < 4 && line >= 0) {
            block.put((byte) (TAG_LEVEL | (int) a << 2 | (int) b));
            putVarint(block, dt);
            putVarint(block, line);
        } else {
            block.put((byte) kind.ordinal());
            putVarint(block, dt);
            putVarint(block, line + 1L);
            putVarint(block, zigzag(a));
            putVarint(block, zigzag(b));
        }
        events++;
    }

    /** Records that {@code count} events could not be recorded (the log's ring overran the recorder). */
    public void addDropped(long time, long count) throws IOException {
        if (!blockOpen) {
            putVarint(block, 0);
            putVarint(block, time);
            lastTime = time;
            blockOpen = true;
        }
        block.put((byte) TAG_DROPPED);
        putVarint(block, Math.max(0, time - lastTime));
        putVarint(block, count);
    }

    /** Appends the open block to the file and forces it to disk. */
    public void flush() throws IOException {
        if (!blockOpen) {
            return;
        }
        block.flip();
        crc.reset();
        crc.update(block.duplicate());
        head.clear();
        head.putInt(BLOCK_MAGIC).putInt(block.remaining()).putInt((int) crc.getValue()).flip();
        write(head);
        write(block);
        ch.force(false);
        block.clear();
        blockOpen = false;
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            bytes += ch.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            ch.close();
        }
    }
}
