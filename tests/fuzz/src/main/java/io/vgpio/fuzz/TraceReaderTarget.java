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

    /** Rewrites the CRC of each block whose length fits in the data; stops at the first that does not. */
    static void fixChecksums(byte[] trace) {
        ByteBuffer in = ByteBuffer.wrap(trace).order(ByteOrder.LITTLE_ENDIAN);
        if (trace.length < 36) {
            return;
        }
        long at = in.getInt(12) & 0xffffffffL; // the header length
        CRC32 crc = new CRC32();
        while (at + TraceFormat.BLOCK_HEADER <= trace.length) {
            int length = in.getInt((int) at + 4);
            long payload = at + TraceFormat.BLOCK_HEADER;
            if (length < 0 || payload + length > trace.length) {
                return;
            }
            crc.reset();
            crc.update(trace, (int) payload, length);
            in.putInt((int) at + 8, (int) crc.getValue());
            at = payload + length;
        }
    }
}
