package io.vgpio.trace.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Reads and edits the bytes of a version-2 trace, to damage it on purpose or to craft records no writer makes. */
final class TraceBytes {
    static final int BLOCK_HEAD = 16;

    private TraceBytes() {
    }

    static int u32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static int headerLength(byte[] b) {
        return u32(b, 12);
    }

    /** Offsets of the blocks (the end marker last). */
    static List<Integer> blockStarts(byte[] b) {
        List<Integer> starts = new ArrayList<>();
        for (int at = headerLength(b); at < b.length; at += BLOCK_HEAD + u32(b, at + 4)) {
            starts.add(at);
        }
        return starts;
    }

    /** Offsets where each block ends (the end marker's end last). */
    static List<Integer> blockEnds(byte[] b) {
        return blockStarts(b).stream().map(at -> at + BLOCK_HEAD + u32(b, at + 4)).toList();
    }

    /** A version-2 block around a payload, with both checksums right. */
    static byte[] block(int magic, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(BLOCK_HEAD + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(magic).putInt(payload.length).putInt(crc(payload, 0, payload.length));
        out.putInt(crc(out.array(), 0, 12)).put(payload);
        return out.array();
    }

    /** Recomputes the checksums of the block at {@code at} after its payload was edited in place. */
    static void reseal(byte[] b, int at) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(at + 8, crc(b, at + BLOCK_HEAD, u32(b, at + 4)));
        buf.putInt(at + 12, crc(b, at, 12));
    }

    static int crc(byte[] b, int from, int length) {
        CRC32 c = new CRC32();
        c.update(b, from, length);
        return (int) c.getValue();
    }

    /** An unsigned LEB128 number. */
    static byte[] varint(long v) {
        ByteBuffer out = ByteBuffer.allocate(10);
        while ((v & ~0x7fL) != 0) {
            out.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
