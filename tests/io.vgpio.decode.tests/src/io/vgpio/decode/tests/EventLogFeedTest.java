package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.decode.EventLogFeed;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.UartDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding live: lines of a chip are bit-banged (as the control socket's set does), and a feed polled in between
 * decodes the chip's event log as it grows.
 */
class EventLogFeedTest {
    @Test
    void i2cBitBangedOnAChipDecodesFromItsLog() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(4).namesList("LED,SCL,SDA").build();
        EventLog log = new EventLog(1 << 12);
        Chip chip = new Chip(config, log);
        chip.setInput(1, 1, Cause.USER);
        chip.setInput(2, 1, Cause.USER);
        Recorder r = new Recorder();
        EventLogFeed feed = new EventLogFeed(log, new I2cDecoder(r), new int[] {1, 2}, new int[] {1, 1},
                log.nextSeq());
        I2cBus bus = I2cCorpus.lm75(I2cCorpus.bus(-1));
        int polls = 0;
        for (long[] c : bus.wave.changeList()) {
            chip.setInput((int) c[1] + 1, (int) c[2], Cause.USER);
            chip.setInput(0, polls % 2, Cause.USER); // another line's traffic in between
            if (++polls % 7 == 0) {
                feed.poll(System.nanoTime());
            }
        }
        feed.poll(System.nanoTime());
        assertEquals(List.of("write 0x48 [00]; read 0x48 [17 80]"), r.summaries());
        assertEquals(0, feed.missed());
    }

    @Test
    void aUartFrameEndsWhenTimePassesWithoutAChange() {
        EventLog log = new EventLog(1 << 12, 0, 0);
        Recorder r = new Recorder();
        UartDecoder.Options o = new UartDecoder.Options(1_000_000, 8, UartDecoder.Parity.NONE, 1, false, true, false);
        EventLogFeed feed = new EventLogFeed(log, new UartDecoder(o, r), new int[] {0}, new int[] {1, 1},
                log.nextSeq());
        // 'U' (0x55): the start bit, then 1 0 1 0 1 0 1 0 from 11 us, one bit a microsecond
        int[] bits = {0, 1, 0, 1, 0, 1, 0, 1, 0};
        for (int i = 0; i < bits.length; i++) {
            log.append(10_000 + i * 1_000L, 0, new io.vgpio.core.payload.Level(bits[i], Cause.USER));
        }
        feed.poll(18_400);
        assertEquals(List.of(), r.kinds(), "the last data bit's middle is at 18.5 us: not there yet");
        feed.poll(18_600);
        assertEquals(List.of("rx-data 55"), r.kinds(), "no edge came, but time did");
    }
}
