package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.decode.DecodeBenchmark;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.Signals;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's traffic decodes as the transactions it was built from (its speed is printed, not judged). */
class DecodeBenchmarkTest {
    @Test
    void theBenchmarkTrafficIsRealI2c() {
        Signals s = DecodeBenchmark.i2cTraffic(2_000);
        Recorder r = new Recorder();
        s.feed(new I2cDecoder(r), new int[] {0, 1}, new int[] {1, 1});
        assertTrue(s.changes() >= 2_000);
        assertEquals("write 0x48 [25]; read 0x48 [7f]", r.summaries().get(0));
        assertEquals("write 0x48 [4a]; read 0x48 [10]", r.summaries().get(1));
        assertEquals(List.of("start", "address-write 48", "ack", "data-write 25", "ack", "repeat-start"),
                r.kinds().subList(0, 6));
        Signals big = DecodeBenchmark.i2cTraffic(20_000);
        Recorder all = new Recorder();
        big.feed(new I2cDecoder(all), new int[] {0, 1}, new int[] {1, 1});
        DecodeBenchmark.Result result = DecodeBenchmark.run(20_000);
        assertEquals(big.changes(), result.edges());
        assertEquals(all.annotations.size(), result.annotations());
        assertEquals(all.transactions.size(), result.transactions());
        System.out.println("decode benchmark (small, for the figures run 'vgpio bench --decode'): " + result);
    }
}
