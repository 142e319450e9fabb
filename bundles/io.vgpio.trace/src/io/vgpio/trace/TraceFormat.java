package io.vgpio.trace;

import io.vgpio.core.EventKind;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Constants and codecs of the vGPIO trace format (docs/trace-format.md describes it for other tools). This writes
 * version 3 and reads versions 1 to 3.
 *
 * <pre>
 * file   := header block* end                                  (version 1: header block*)
 * header := "VGPIOTRC" u16 version u16 flags u32 headerLength
 *           i64 wallClockStartMicros i64 monotonicStartNanos u32 configLength config[configLength] (UTF-8)
 *           u32 startStateLength startState[startStateLength]   (version 3 on; see {@link StartStateCodec})
 *           u32 crc32(all header bytes before it)               (version 2 on)
 * block  := u32 BLOCK_MAGIC u32 payloadLength u32 crc32(payload)
 *           u32 crc32(the 12 bytes before it)                   (version 2 on)
 *           payload
 * end    := a block with END_MAGIC whose payload is varint events, varint dropped   (version 2 on)
 *           varint endTime                                      (version 3 on: ns since the trace start)
 * payload:= varint firstSeq varint firstTime record*            (times in ns since the trace start)
 * record := u8 tag varint dt ...                                (dt: ns since the previous record of the block)
 * </pre>
 *
 * All integers little-endian; varints are unsigned LEB128, signed values zigzag-encoded first.
 */
public final class TraceFormat {
    private TraceFormat() {
    }

    public static final byte[] MAGIC = {'V', 'G', 'P', 'I', 'O', 'T', 'R', 'C'};
    /**
     * The version this writes: a recording's time zero is when it started, and its header holds the device's state
     * then; its end marker holds the time the recording stopped.
     */
    public static final int VERSION = 3;
    /** The first version, without header and block-header checksums or an end marker; still read. */
    public static final int VERSION_1 = 1;
    /** Checksums and the end marker, but time zero is the device's start and no start state; still read. */
    public static final int VERSION_2 = 2;
    public static final int BLOCK_MAGIC = 0x4b4c4256; // "VBLK"
    /** Magic of the end marker a clean close writes: its absence means the recording was cut. */
    public static final int END_MAGIC = 0x444e4556; // "VEND"
    /** Bytes before a block's payload, by version. */
    static int blockHeader(int version) {
        return version == VERSION_1 ? 12 : 16;
    }

    /** Fixed header bytes before the configuration. */
    static final int HEADER_FIXED = 36;
    /** Largest block payload a reader accepts (a writer flushes far earlier). */
    public static final int MAX_BLOCK = 1 << 24;
    /** Largest line number a record may name: the protocol's line field is a u16 (a guest may name any). */
    static final int MAX_WIRE_LINE = 0xffff;

    /** Tag of a LEVEL record: 0x80 | level &lt;&lt; 2 | cause; followed by dt, line. */
    static final int TAG_LEVEL = 0x80;
    /** The bits of a LEVEL tag that carry level and cause; a tag with other bits set is not a record. */
    static final int LEVEL_BITS = 0x07;
    /** Tag of records the recorder could not keep (the log's ring overran): followed by dt, count. */
    static final int TAG_DROPPED = 0x7f;
    /** Tags below TAG_DROPPED are generic records: kind wire number, then dt, line+1, zigzag(a), zigzag(b). */

    /**
     * Kinds that describe the state of one of the device's lines, so their line is below the configured count.
     * Other kinds carry the line a guest named (any u16) or none (-1).
     */
    static final Set<EventKind> LINE_STATE_KINDS = EnumSet.of(EventKind.LEVEL, EventKind.DIRECTION,
            EventKind.IRQ_TYPE, EventKind.EVENT_BUFFER, EventKind.EDGE_LATCHED, EventKind.INTERRUPT, EventKind.HW_EDGE);

    static {
        for (EventKind k : EventKind.values()) {
            if (k.wire() >= TAG_DROPPED) {
                throw new IllegalStateException(k + ": wire number " + k.wire() + " does not fit a generic tag");
            }
        }
    }

    static void putVarint(ByteBuffer out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    /**
     * Reads a varint; one longer than 64 bits is an error naming {@code at}, the record or structure it is part of.
     *
     * @throws java.nio.BufferUnderflowException when the bytes end first (the caller names what was cut)
     */
    static long getVarint(ByteBuffer in, String name, long at) throws TraceFormatException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new TraceFormatException(name, at, "a number is longer than 64 bits");
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    static int crc(byte[] bytes, int from, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, from, length);
        return (int) c.getValue();
    }

    static int crc(ByteBuffer b) {
        CRC32 c = new CRC32();
        c.update(b.duplicate());
        return (int) c.getValue();
    }
}
