package io.vgpio.trace;

import io.vgpio.core.EventKind;
import java.nio.ByteBuffer;

/**
 * Constants and codecs of the vGPIO trace format, version 1 (docs/trace-format.md describes it for other tools).
 *
 * <pre>
 * file   := header block*
 * header := "VGPIOTRC" u16 version u16 flags u32 headerLength
 *           i64 wallClockStartMicros i64 monotonicStartNanos u32 configLength config[configLength] (UTF-8)
 * block  := u32 BLOCK_MAGIC u32 payloadLength u32 crc32(payload) payload
 * payload:= varint firstSeq varint firstTime record*          (times in ns since the trace start)
 * record := u8 tag varint dt ...                                (dt: ns since the previous record of the block)
 * </pre>
 *
 * All integers little-endian; varints are unsigned LEB128, signed values zigzag-encoded first.
 */
public final class TraceFormat {
    private TraceFormat() {
    }

    public static final byte[] MAGIC = {'V', 'G', 'P', 'I', 'O', 'T', 'R', 'C'};
    public static final int VERSION = 1;
    public static final int BLOCK_MAGIC = 0x4b4c4256; // "VBLK"
    public static final int BLOCK_HEADER = 12;
    /** Largest block payload a reader accepts (a writer flushes far earlier). */
    public static final int MAX_BLOCK = 1 << 24;

    /** Tag of a LEVEL record: 0x80 | level &lt;&lt; 2 | cause; followed by dt, line. */
    static final int TAG_LEVEL = 0x80;
    /** Tag of records the recorder could not keep (the log's ring overran): followed by dt, count. */
    static final int TAG_DROPPED = 0x7f;
    /** Other kinds: tag = kind ordinal, followed by dt, line+1, zigzag(a), zigzag(b). */
    static final int GENERIC_KINDS = EventKind.values().length;

    static void putVarint(ByteBuffer out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
