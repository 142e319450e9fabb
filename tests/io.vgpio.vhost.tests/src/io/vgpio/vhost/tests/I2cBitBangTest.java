package io.vgpio.vhost.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.MessageType;
import io.vgpio.decode.Annotation;
import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.EventLogFeed;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guest bit-bangs I2C over the real vhost-user socket as Linux's i2c-gpio does with open-drain emulation: a line
 * is pulled low by SET_VALUE 0 and SET_DIRECTION out (virtio-gpio's direction_output), and let go by
 * SET_DIRECTION in, when the bus's pull-up (the line's input level, held high) takes it back high. A decoder
 * reading the device's live event log, polled while the guest works, yields the transactions. Nobody answers on
 * the bus (no simulated part here), so every byte is NACKed: the controller stops after the address.
 */
class I2cBitBangTest {
    private static final int SCL = 1;
    private static final int SDA = 2;

    @Test
    void bitBangedI2cOverTheSocketDecodesFromTheLiveLog() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(4).namesList("LED,SCL,SDA").build();
        try (DeviceFixture f = new DeviceFixture(config)) {
            f.host.chip().setInput(SCL, 1, Cause.USER); // the pull-ups
            f.host.chip().setInput(SDA, 1, Cause.USER);
            List<String> annotations = new ArrayList<>();
            List<String> transactions = new ArrayList<>();
            DecodeListener listener = new DecodeListener() {
                @Override
                public void annotation(Annotation a) {
                    annotations.add(a.text());
                }

                @Override
                public void transaction(Transaction t) {
                    transactions.add(t.summary());
                }
            };
            EventLogFeed feed = new EventLogFeed(f.log(), new I2cDecoder(listener), new int[] {SCL, SDA},
                    new int[] {1, 1}, f.log().nextSeq());
            Bus bus = new Bus(f, feed);
            // the LM75 read: write the pointer register 0, then read two bytes; the write's address is NACKed
            bus.start();
            boolean acked = bus.write(0x48 << 1);
            bus.stop();
            // a second try reads directly
            bus.start();
            bus.write(0x48 << 1 | 1);
            bus.stop();
            feed.poll(System.nanoTime() + 1_000_000);
            assertEquals(false, acked, "nobody on the bus answers");
            assertEquals(List.of("start", "address-write 48", "nack", "stop", "start", "address-read 48", "nack",
                    "stop"), annotations);
            assertEquals(List.of("write 0x48 [] NACK", "read 0x48 []"), transactions);
            assertEquals(0, feed.missed());
        }
    }

    /** An I2C controller over the driver, open-drain: low is output 0, high is input (the pull-up). */
    private static final class Bus {
        private final DeviceFixture f;
        private final EventLogFeed feed;
        private int requests;

        Bus(DeviceFixture f, EventLogFeed feed) {
            this.f = f;
            this.feed = feed;
        }

        private void low(int line) throws IOException {
            f.ok(MessageType.SET_VALUE, line, 0);
            f.ok(MessageType.SET_DIRECTION, line, Direction.OUT.wireValue());
            pollSometimes();
        }

        private void release(int line) throws IOException {
            f.ok(MessageType.SET_DIRECTION, line, Direction.IN.wireValue());
            pollSometimes();
        }

        private int read(int line) throws IOException {
            return f.ok(MessageType.GET_VALUE, line, 0);
        }

        /** Decodes live while the guest works, as the waveform's timer does. */
        private void pollSometimes() {
            if (++requests % 5 == 0) {
                feed.poll(System.nanoTime());
            }
        }

        void start() throws IOException {
            release(SDA);
            release(SCL);
            low(SDA);
            low(SCL);
        }

        void stop() throws IOException {
            low(SDA);
            release(SCL);
            release(SDA);
        }

        /** Eight bits, most significant first, then the ACK bit read from the target; true if ACKed. */
        boolean write(int value) throws IOException {
            for (int i = 7; i >= 0; i--) {
                if ((value >> i & 1) == 1) {
                    release(SDA);
                } else {
                    low(SDA);
                }
                release(SCL);
                low(SCL);
            }
            release(SDA);
            release(SCL);
            int ack = read(SDA);
            low(SCL);
            return ack == 0;
        }
    }
}
