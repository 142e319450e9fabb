package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.EventLog;
import java.nio.ByteBuffer;

/**
 * Walks the blocks after a trace's header, checking each block's framing and checksums, and finds where the
 * recording ends: at a clean end marker (version 2), or where it was cut. Only the end of the file can be a cut
 * (a block whose header or payload is incomplete, or no end marker); a block that is all there but whose checksum
 * fails is damage, an error, because a cut never leaves one: the writer appends each block with one write.
 */
final class BlockWalk {
    private final String name;
    private final byte[] bytes;
    private final ByteBuffer in;
    private final int version;
    private final int first;
    private final int head;
    private int end;
    private long cutAt = -1;
    private String cutReason;
    private long endTime = -1;

    BlockWalk(String name, byte[] bytes, ByteBuffer in, int version, int first) {
        this.name = name;
        this.bytes = bytes;
        this.in = in;
        this.version = version;
        this.first = first;
        this.head = blockHeader(version);
    }

    /** Offset after the last complete block (or the end marker). */
    int end() {
        return end;
    }

    /** When the recording stopped, as its end marker says (version 3 on), or -1. */
    long endTime() {
        return endTime;
    }

    long cutAt() {
        return cutAt;
    }

    String cutReason() {
        return cutReason;
    }

    /** Checks every block and decodes its records with decoder, into log (null: only check and count). */
    void blocks(BlockDecoder decoder, EventLog log) throws TraceFormatException {
        int at = first;
        end = first;
        while (true) {
            if (at == bytes.length) {
                if (version != VERSION_1) {
                    cut(at, "it has no end marker, so the recorder was killed or crashed");
                }
                return;
            }
            if (bytes.length - at < head) {
                cut(at, "the last block is incomplete, so the recorder was killed or crashed while writing it");
                return;
            }
            in.position(at);
            int magic = in.getInt();
            int length = in.getInt();
            int sum = in.getInt();
            if (magic != BLOCK_MAGIC && (magic != END_MAGIC || version == VERSION_1)) {
                throw new TraceFormatException(name, at, "expected a block (magic VBLK) but found 0x"
                        + Integer.toHexString(magic));
            }
            if (version != VERSION_1 && in.getInt() != crc(bytes, at, 12)) {
                throw new TraceFormatException(name, at, "block header checksum mismatch (the file is damaged)");
            }
            if (length < 0 || length > MAX_BLOCK) {
                throw new TraceFormatException(name, at + 4, "block length " + length + " is out of range");
            }
            int payload = at + head;
            if ((long) payload + length > bytes.length) {
                cut(at, "the last block is incomplete, so the recorder was killed or crashed while writing it");
                return;
            }
            if (crc(bytes, payload, length) != sum) {
                throw new TraceFormatException(name, at, "block checksum mismatch (the file is damaged)");
            }
            if (magic == END_MAGIC) {
                endMarker(decoder, at, payload, length);
                return;
            }
            decoder.decode(in, payload, length, log);
            at = payload + length;
            end = at;
        }
    }

    private void endMarker(BlockDecoder decoder, int at, int payload, int length) throws TraceFormatException {
        BlockDecoder.Counts c = BlockDecoder.counts(name, in, payload, length, version);
        if (c.events() != decoder.events + decoder.unknown || c.dropped() != decoder.dropped) {
            throw new TraceFormatException(name, at, "the end marker counts " + c.events() + " events and "
                    + c.dropped() + " dropped, but the blocks hold " + (decoder.events + decoder.unknown) + " and "
                    + decoder.dropped);
        }
        endTime = c.endTime();
        end = payload + length;
        if (end != bytes.length) {
            throw new TraceFormatException(name, end, (bytes.length - end) + " bytes follow the end marker");
        }
    }

    private void cut(int at, String reason) {
        cutAt = at;
        cutReason = reason;
    }
}
