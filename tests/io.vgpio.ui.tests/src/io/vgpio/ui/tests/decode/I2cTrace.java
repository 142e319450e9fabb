package io.vgpio.ui.tests.decode;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.Request;
import io.vgpio.core.EventKind;
import io.vgpio.core.payload.Level;
import io.vgpio.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trace of an I2C bus (SCL line 1, SDA line 2) on which a controller reads an LM75 again and again:
 * {@code write 0x48 [00]; read 0x48 [17 80]}, each bit {@link #BIT_NS} long, one read every {@link #GAP_NS}.
 */
final class I2cTrace {
    static final long BIT_NS = 10_000;
    static final long GAP_NS = 1_000_000;
    static final String SUMMARY = "write 0x48 [00]; read 0x48 [17 80]";
    /** LEVEL events one read takes: 2 + 2 per START, 3 per bit (45 bits), 2 to the repeated START, 3 for STOP. */
    static final int EVENTS_PER_READ = 2 * 2 + 45 * 3 + 2 + 3;

    private final TraceWriter writer;
    private final boolean requests;
    private long seq;
    private long t;
    private int scl = 1;
    private int sda = 1;

    private I2cTrace(TraceWriter writer, boolean requests) {
        this.writer = writer;
        this.requests = requests;
    }

    /** Writes {@code reads} LM75 reads, each level change alone; the trace ends a gap after the last. */
    static Path write(Path file, int reads) throws Exception {
        return write(file, reads, false);
    }

    /**
     * @param requests each level change after the SET_DIRECTION request that made it (the guest's open-drain
     *            emulation), so the Traffic view has rows for the bits
     */
    static Path write(Path file, int reads, boolean requests) throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(4).namesList("LED,SCL,SDA,INT").build();
        try (TraceWriter w = new TraceWriter(file, config, 0, 0)) {
            I2cTrace b = new I2cTrace(w, requests);
            b.set(1, 1);
            b.set(2, 1);
            for (int i = 0; i < reads; i++) {
                b.t = (i + 1) * GAP_NS;
                b.lm75();
            }
            w.endAt((reads + 1) * GAP_NS);
        }
        return file;
    }

    private void lm75() throws IOException {
        start();
        write(0x90, true);
        write(0x00, true);
        sda(1);
        scl(1);
        start();
        write(0x91, true);
        write(0x17, true);
        write(0x80, false);
        sda(0);
        scl(1);
        sda(1);
    }

    private void start() throws IOException {
        sda(0);
        scl(0);
    }

    private void write(int value, boolean ack) throws IOException {
        for (int i = 7; i >= 0; i--) {
            bit(value >> i & 1);
        }
        bit(ack ? 0 : 1);
    }

    private void bit(int b) throws IOException {
        sda(b);
        scl(1);
        t += BIT_NS / 4;
        scl(0);
    }

    private void scl(int level) throws IOException {
        set(1, level);
        scl = level;
    }

    private void sda(int level) throws IOException {
        set(2, level);
        sda = level;
    }

    private void set(int line, int level) throws IOException {
        t += BIT_NS / 4;
        if (requests) {
            int direction = level == 0 ? Direction.OUT.wireValue() : Direction.IN.wireValue();
            Request r = new Request(MessageType.SET_DIRECTION.wireValue(), direction, seq);
            writer.add(seq++, t - 100, EventKind.REQUEST, line, r.a(), r.b());
        }
        Level l = new Level(level, Cause.USER);
        writer.add(seq++, t, EventKind.LEVEL, line, l.a(), l.b());
    }
}
