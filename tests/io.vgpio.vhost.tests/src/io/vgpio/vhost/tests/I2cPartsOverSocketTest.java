package io.vgpio.vhost.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.parts.PartCommands;
import io.vgpio.core.parts.Parts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The I2C parts (issue 14) under a master that bit-bangs over the real vhost-user socket with the Java driver, as the
 * guest's i2c-gpio does: an LM75 at 0x48 and a 24C02 at 0x50 on SDA/SCL, set and read through the control socket's
 * {@code part} command. Prints the bus speed the master achieved (a figure, not a threshold).
 */
@Timeout(60)
class I2cPartsOverSocketTest {
    private static final int SDA = 2;
    private static final int SCL = 3;

    @Test
    @DisplayName("The LM75's temperature and the EEPROM's bytes over the socket, by open-drain emulation")
    void lm75_and_eeprom_over_the_socket() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(8).namesList("LED,BUTTON,SDA,SCL").build();
        try (DeviceFixture f = new DeviceFixture(config); Parts parts = new Parts(f.host.chip());
                ControlClient control = new ControlClient(f.dir.resolve("gpio.ctl"))) {
            PartCommands.addTo(f.host.control(), parts);
            Path rom = f.dir.resolve("rom.bin");
            Files.write(rom, new byte[] {0x10, 0x20, 0x30});
            assertEquals("ok", control.ask("part add temp lm75 sda=SDA scl=SCL addr=0x48 temp=23.5"));
            assertEquals("ok", control.ask("part add rom 24c02 sda=SDA scl=SCL addr=0x50 file=" + rom));
            GpioI2cMaster m = new GpioI2cMaster(f, SDA, SCL);

            assertArrayEquals(new byte[] {0x17, (byte) 0x80}, m.read(0x48, 0, 2), "23.5 °C");
            assertEquals("ok", control.ask("part set temp temp -5.5"));
            assertArrayEquals(new byte[] {(byte) 0xfa, (byte) 0x80}, m.read(0x48, 0, 2), "-5.5 °C");
            assertFalse(m.write(0x49), "nobody at 0x49");

            assertArrayEquals(new byte[] {0x10, 0x20, 0x30, (byte) 0xff}, m.read(0x50, 0, 4), "the file's bytes");
            assertEquals(true, m.write(0x50, 0x10, 0xab, 0xcd));
            assertEquals("ok 0xab", control.ask("part get rom byte:0x10"));
            assertEquals("ok 0xcd", control.ask("part get rom byte:0x11"));
            assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, m.read(0x50, 0x10, 2));

            // the figure: a sequential read of the whole EEPROM
            long requestsBefore = m.requests();
            long t0 = System.nanoTime();
            byte[] all = m.read(0x50, 0, 256);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long requests = m.requests() - requestsBefore;
            assertEquals((byte) 0xab, all[0x10]);
            long t1 = System.nanoTime();
            m.read(0x48, 0, 2);
            double lm75Micros = (System.nanoTime() - t1) / 1e3;
            System.out.println(String.format(Locale.ROOT,
                    "I2C over the vhost-user socket: %.0f bytes/s (%d requests for 256 bytes, %.1f µs a request);"
                            + " one LM75 temperature read %.0f µs",
                    256 / seconds, requests, seconds * 1e6 / requests, lm75Micros));
        }
    }
}
