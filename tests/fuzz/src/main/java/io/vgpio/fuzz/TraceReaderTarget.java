package io.vgpio.fuzz;

import io.vgpio.trace.TraceFormat;
import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.TraceReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The trace reader on arbitrary bytes. Clean rejection: {@link TraceFormatException}.
 *
 * <p>Random mutations almost never keep a block's CRC right, so the reader would stop at the checksum and never
 * decode a record. When the first byte is odd the harness drops it and rewrites every block's CRC before reading:
 * half the inputs test the checksums, the other half reach the record decoder.
 */
public final class TraceReaderTarget {
    private static final Path NAME = Path.of("fuzz.trc");

    private TraceReaderTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        byte[] trace = data;
        if (data.length > 0 && (data[0] & 1) != 0) {
            trace = java.util.Arrays.copyOfRange(data, 1, data.length);
            fixChecksums(trace);
        }
        try {
            TraceReader.Trace t = TraceReader.read(NAME, trace);
            t.durationNanos();
            for (long seq = 0; seq < t.events(); seq++) {
                t.log().get(seq);
            }
        } catch (TraceFormatException e) {
            // a clean rejection
        }
    }

    /**
     * Rewrites the checksums so that the reader gets past them: in version 2 the header's CRC and each block's
     * payload and block-header CRCs, in version 1 each block's payload CRC (docs/trace-format.md). Stops at the
     * first block whose length does not fit in the data.
     */
    static void fixChecksums(byte[] trace) {
        ByteBuffer in = ByteBuffer.wrap(trace).order(ByteOrder.LITTLE_ENDIAN);
        if (trace.length < 36) {
            return;
        }
        boolean v1 = in.getShort(8) == TraceFormat.VERSION_1;
        long at = in.getInt(12) & 0xffffffffL; // the header length
        CRC32 crc = new CRC32();
        if (!v1 && at >= 4 && at <= trace.length) {
            crc.update(trace, 0, (int) at - 4);
            in.putInt((int) at - 4, (int) crc.getValue());
        }
        int blockHeader = v1 ? 12 : 16;
        while (at + blockHeader <= trace.length) {
            int length = in.getInt((int) at + 4);
            long payload = at + blockHeader;
            if (length < 0 || payload + length > trace.length) {
                return;
            }
            crc.reset();
            crc.update(trace, (int) payload, length);
            in.putInt((int) at + 8, (int) crc.getValue());
            if (!v1) {
                crc.reset();
                crc.update(trace, (int) at, 12);
                in.putInt((int) at + 12, (int) crc.getValue());
            }
            at = payload + length;
        }
    }
}
