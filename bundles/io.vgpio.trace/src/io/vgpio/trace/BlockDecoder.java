package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.payload.Level;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Decodes the records of a block's payload, checking each against the format and the device configuration: a record
 * that cannot be right (a line the device does not have, a time or count that overflows) is an error naming its byte
 * offset, never a silently wrong event. A generic record of a kind this version does not know is skipped and
 * counted: its layout is the same for every kind, so a later version's kinds do not make a trace unreadable.
 */
final class BlockDecoder {
    private final String name;
    private final int lines;
    /** Totals over the blocks decoded so far. */
    long events;
    long dropped;
    long unknown;

    BlockDecoder(String name, int lines) {
        this.name = name;
        this.lines = lines;
    }

    /**
     * The counts of an end marker.
     *
     * @param endTime when the recording stopped, ns since the trace start (version 3 on), or -1
     */
    record Counts(long events, long dropped, long endTime) {
    }

    /** Reads an end marker's payload: varint events, varint dropped, from version 3 varint endTime, nothing else. */
    static Counts counts(String name, ByteBuffer in, int payload, int length, int version)
            throws TraceFormatException {
        BlockDecoder d = new BlockDecoder(name, 0);
        in.position(payload).limit(payload + length);
        try {
            Counts c = new Counts(d.varint(in, payload), d.varint(in, payload),
                    version >= VERSION ? d.varint(in, payload) : -1);
            if (in.hasRemaining() || c.events() < 0 || c.dropped() < 0 || (version >= VERSION && c.endTime() < 0)) {
                throw d.error(payload, "the end marker is malformed");
            }
            return c;
        } catch (BufferUnderflowException e) {
            throw d.error(payload, "the end marker is malformed");
        } finally {
            in.limit(in.capacity());
        }
    }

    /** Decodes one payload into log (or only counts and checks its records when log is null). */
    void decode(ByteBuffer in, int payload, int length, EventLog log) throws TraceFormatException {
        int end = payload + length;
        in.position(payload).limit(end);
        int recordAt = payload;
        try {
            varint(in, recordAt); // firstSeq: informative
            long time = varint(in, recordAt);
            while (in.hasRemaining()) {
                recordAt = in.position();
                int tag = in.get() & 0xff;
                time = advance(time, varint(in, recordAt), recordAt);
                if ((tag & TAG_LEVEL) != 0) {
                    level(in, tag, time, recordAt, log);
                } else if (tag == TAG_DROPPED) {
                    long count = varint(in, recordAt);
                    if (count < 0 || dropped + count < 0) {
                        throw error(recordAt, "the dropped-events count " + Long.toUnsignedString(count)
                                + " overflows the total");
                    }
                    dropped += count;
                } else {
                    generic(in, tag, time, recordAt, log);
                }
            }
        } catch (BufferUnderflowException e) {
            throw error(recordAt, "a record runs past the end of its block");
        } finally {
            in.limit(in.capacity());
        }
    }

    private void level(ByteBuffer in, int tag, long time, int at, EventLog log) throws TraceFormatException {
        if ((tag & ~(TAG_LEVEL | LEVEL_BITS)) != 0) {
            throw error(at, "unknown record tag 0x" + Integer.toHexString(tag));
        }
        long line = varint(in, at);
        if (line >= lines) {
            throw error(at, "a LEVEL record names line " + Long.toUnsignedString(line) + " of a device with " + lines
                    + " lines");
        }
        if (log != null) {
            log.append(time, (int) line, new Level((tag >> 2) & 1, tag & 3)); // the compact record: level, cause
        }
        events++;
    }

    private void generic(ByteBuffer in, int tag, long time, int at, EventLog log) throws TraceFormatException {
        long line = varint(in, at) - 1;
        long a = unzigzag(varint(in, at));
        long b = unzigzag(varint(in, at));
        EventKind kind = EventKind.fromWire(tag);
        if (kind == null) {
            unknown++; // a later version's kind: its fields are well-formed, so skip it and read on
            return;
        }
        boolean lineState = LINE_STATE_KINDS.contains(kind);
        if (line < (lineState ? 0 : -1) || line >= (lineState ? lines : MAX_WIRE_LINE + 1)) {
            throw error(at, "a " + kind + " record names line " + line + (lineState
                    ? " of a device with " + lines + " lines" : ", outside -1.." + MAX_WIRE_LINE));
        }
        if (log != null) {
            log.append(time, kind, (int) line, a, b);
        }
        events++;
    }

    private long advance(long time, long dt, int at) throws TraceFormatException {
        long t = time + dt;
        if (dt < 0 || t < time) {
            throw error(at, "a record's time overflows (delta " + Long.toUnsignedString(dt) + " ns)");
        }
        return t;
    }

    private long varint(ByteBuffer in, int at) throws TraceFormatException {
        return getVarint(in, name, at);
    }

    private TraceFormatException error(long at, String problem) {
        return new TraceFormatException(name, at, problem);
    }
}
