package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the guest's own kernel drivers ('vgpio serve --config' with {@code part.NAME = ...} and the {@code part}
 * control commands) against the simulated parts.
 *
 * <p>One guest boot with the whole board: a LED, a bouncing pull-up button, an LM75 at 0x48, a 24C02 at 0x50 and a
 * wire from line WIRE_A to WIRE_B. i2cdetect runs before any I2C driver is bound (a bound address shows as UU).
 */
class BoardPartsGuestTest {
    static final String NAMES = "LED,BUTTON,SDA,SCL,WIRE_A,WIRE_B,,SYNC";
    static final int WIRE_A = 4;
    static final int WIRE_B = 5;

    @Test
    @DisplayName("The guest's drivers against the parts: button, i2cdetect, lm75, at24, wire")
    void guest_drivers_talk_to_the_parts() throws Exception {
        Path files = Files.createTempDirectory("vgpio-e2e-parts");
        Path rom = files.resolve("rom.bin");
        byte[] contents = new byte[256];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = (byte) (i * 7 + 3);
        }
        Files.write(rom, contents);
        Path cfg = files.resolve("board.cfg");
        Files.writeString(cfg, """
                names = %s
                part.led = led line=LED active=high
                part.btn = button line=BUTTON pull=up bounce=8:5ms
                part.temp = lm75 sda=SDA scl=SCL addr=0x48 temp=23.5
                part.rom = 24c02 sda=SDA scl=SCL addr=0x50 file=%s
                part.loop = wire from=WIRE_A to=WIRE_B
                """.formatted(NAMES, rom));
        int bus = Board.I2C_BUS;
        String dev = "/sys/bus/i2c/devices/i2c-" + bus;
        String script = Guest.prelude(Board.SYNC) + Board.keyPhase("press") + Board.i2cdetect() + """
                echo lm75 0x48 > %1$s/new_device
                echo 24c02 0x50 > %1$s/new_device
                HW=$(grep -l '^lm75$' /sys/class/hwmon/hwmon*/name); HW=${HW%%/name}
                echo "TEMP $(cat $HW/temp1_input)"
                T0=$(cut -d' ' -f1 /proc/uptime)
                i=0; while [ $i -lt 10 ]; do cat $HW/temp1_input >/dev/null; i=$((i+1)); done
                T1=$(cut -d' ' -f1 /proc/uptime)
                echo "LM75-TIME 10 $T0 $T1"
                sync_host temp-set
                echo "TEMP $(cat $HW/temp1_input)"
                E=/sys/bus/i2c/devices/%2$d-0050/eeprom
                T0=$(cut -d' ' -f1 /proc/uptime)
                echo "ROM $(od -An -v -tx1 $E | tr -d ' \\n')"
                T1=$(cut -d' ' -f1 /proc/uptime)
                echo "ROM-TIME 256 $T0 $T1"
                printf '\\253\\315' | dd of=$E bs=1 seek=16 conv=notrunc 2>/dev/null
                echo "ROM-WRITTEN $?"
                sync_host rom-written
                gpioset -m signal $C %3$d=1 &
                P=$!
                sync_host wire-high
                echo "WIRE-HIGH $(gpioget $C %4$d)"
                kill $P; wait $P 2>/dev/null
                gpioset -m signal $C %3$d=0 &
                P=$!
                sync_host wire-low
                echo "WIRE-LOW $(gpioget $C %4$d)"
                kill $P; wait $P 2>/dev/null
                """.formatted(dev, bus, WIRE_A, WIRE_B);
        try (Serve serve = new Serve(8, null, "--config", cfg.toString()); Control c = serve.control();
                Guest g = new Guest(serve.socket, script, Board.GUEST_TIMEOUT_S, "--board")) {
            try {
                // part press: one KEY_ENTER press and release through the part's bounce
                Board.awaitKeyev(g);
                c.awaitIrqType(Board.BUTTON, "edge-both", 60_000);
                c.ok("part press btn 100");
                g.awaitPrefix("KEY " + Board.KEY_ENTER + " 0", 60_000);
                GuestEndToEndTest.release(c);
                g.awaitPrefix("KEYS-END press", 60_000);
                assertEquals(Board.onePressOneRelease(), Board.keys(g, "press"), "part press btn 100");

                // i2cdetect: the LM75 and the EEPROM, nothing else
                g.awaitPrefix("== end i2cdetect", 300_000);
                assertEquals(List.of("48", "50"), Board.i2cdetectAddresses(
                        g.between("== i2cdetect", "== end i2cdetect")), "i2cdetect -y " + bus);

                // lm75 reads the part's temperature, and follows a change
                assertEquals("TEMP 23500", g.awaitPrefix("TEMP", 120_000).text());
                String[] lm = g.awaitPrefix("LM75-TIME", 120_000).text().split(" ");
                Report.figure(String.format(Locale.ROOT, "board LM75 read through lm75/hwmon: %.1f ms per read",
                        (Double.parseDouble(lm[3]) - Double.parseDouble(lm[2])) * 1000 / Integer.parseInt(lm[1])));
                g.awaitSync("temp-set", 60_000);
                c.ok("part set temp temp -5.5");
                GuestEndToEndTest.release(c);
                assertEquals("TEMP -5500", g.awaitPrefix("TEMP", 60_000).text());

                // at24 reads the EEPROM file; bytes the guest writes reach the part and its file
                StringBuilder hex = new StringBuilder();
                for (byte b : contents) {
                    hex.append(String.format("%02x", b & 0xff));
                }
                assertEquals("ROM " + hex, g.awaitPrefix("ROM ", 120_000).text());
                String[] rt = g.awaitPrefix("ROM-TIME", 60_000).text().split(" ");
                double s = Double.parseDouble(rt[3]) - Double.parseDouble(rt[2]);
                Report.figure(String.format(Locale.ROOT, "board I2C bus under TCG: 24C02 read of 256 bytes in %.2f s,"
                        + " %.0f bytes/s", s, 256 / s));
                assertEquals("ROM-WRITTEN 0", g.awaitPrefix("ROM-WRITTEN", 60_000).text());
                g.awaitSync("rom-written", 60_000);
                assertEquals("0xab", c.ok("part get rom byte:0x10"));
                assertEquals("0xcd", c.ok("part get rom byte:0x11"));
                GuestEndToEndTest.release(c);

                // the wire: line A's output is line B's input (gpioset runs in the background: the host lets the
                // guest read B once A is driven)
                g.awaitSync("wire-high", 60_000);
                c.awaitLine(WIRE_A, "out", "1", 30_000);
                GuestEndToEndTest.release(c);
                assertEquals("WIRE-HIGH 1", g.awaitPrefix("WIRE-HIGH", 60_000).text());
                g.awaitSync("wire-low", 60_000);
                c.awaitLine(WIRE_A, "out", "0", 30_000);
                GuestEndToEndTest.release(c);
                assertEquals("WIRE-LOW 0", g.awaitPrefix("WIRE-LOW", 60_000).text());
                assertEquals(0, g.waitExit(Board.GUEST_TIMEOUT_S), "guest script exit code");
                Board.assertOpenDrainOnly(c.events(0));
            } catch (Throwable t) {
                throw new AssertionError(t.getMessage() + "\nguest console:\n" + g.consoleText()
                        + "\nserve log tail:\n" + GuestEndToEndTest.tail(serve.log(), 60), t);
            }
        }
        // saved to the file (at the latest when serve stopped)
        byte[] saved = Files.readAllBytes(rom);
        byte[] want = contents.clone();
        want[0x10] = (byte) 0xab;
        want[0x11] = (byte) 0xcd;
        assertArrayEquals(want, saved, "the EEPROM file after the guest's write");
        assertTrue(Files.deleteIfExists(rom) && Files.deleteIfExists(cfg) && Files.deleteIfExists(files));
    }
}
