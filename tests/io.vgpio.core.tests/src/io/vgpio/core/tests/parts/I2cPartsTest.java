package io.vgpio.core.tests.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.EventKind;
import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartAction;
import io.vgpio.core.payload.PartEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The I2C slaves driven bit by bit, as the guest's open-drain emulation drives them through the chip. */
class I2cPartsTest {
    @Test
    void the_lm75_answers_its_address_and_reads_its_temperature_msb_first() throws Exception {
        try (Board b = new Board()) {
            Part temp = b.add("temp", "lm75 sda=SDA scl=SCL addr=0x48 temp=23.5");
            BitBangMaster m = new BitBangMaster(b);
            assertArrayEquals(new int[] {0x17, 0x80}, m.readRegister(0x48, 0, 2), "23.5 °C is 0x1780");
            temp.set("temp", "-5.5");
            assertArrayEquals(new int[] {0xfa, 0x80}, m.readRegister(0x48, 0, 2), "-5.5 °C in two's complement");
            assertEquals("-5.5", temp.get("temp"));
            assertEquals(1, b.read("SDA"), "the bus is free again");
            assertEquals(1, b.read("SCL"));
        }
    }

    @Test
    void lm75_registers_have_their_power_on_defaults_and_the_pointer_selects_them() throws Exception {
        try (Board b = new Board()) {
            Part temp = b.add("temp", "lm75 sda=SDA scl=SCL addr=0x48 temp=21");
            BitBangMaster m = new BitBangMaster(b);
            assertArrayEquals(new int[] {0x00}, m.readRegister(0x48, 1, 1), "configuration 0");
            assertArrayEquals(new int[] {0x4b, 0x00}, m.readRegister(0x48, 2, 2), "T_HYST 75 °C");
            assertArrayEquals(new int[] {0x50, 0x00}, m.readRegister(0x48, 3, 2), "T_OS 80 °C");
            m.writeBytes(0x48, 3, 0x3c, 0x80); // T_OS = 60.5 °C
            assertEquals("60.5", temp.get("tos"));
            // a read with no pointer write reads the register the pointer still selects, over again
            m.start();
            assertTrue(m.write(0x48 << 1 | 1));
            int[] got = {m.read(true), m.read(true), m.read(false)};
            m.stop();
            assertArrayEquals(new int[] {0x3c, 0x80, 0x3c}, got);
        }
    }

    @Test
    void pull_none_leaves_the_bus_without_pull_ups() throws Exception {
        try (Board b = new Board()) {
            b.add("bare", "lm75 sda=SDA scl=SCL addr=0x48 pull=none");
            b.input("SDA");
            assertEquals(0, b.read("SDA"), "nobody pulls the released line up");
            b.add("up", "pull-up line=SDA");
            b.add("up2", "pull-up line=SCL");
            BitBangMaster m = new BitBangMaster(b);
            assertArrayEquals(new int[] {0x19, 0x00}, m.readRegister(0x48, 0, 2), "with the board's own pull-ups, 25 °C");
        }
    }

    @Test
    void a_wrong_address_is_not_acknowledged_and_the_next_start_finds_the_part() throws Exception {
        try (Board b = new Board()) {
            b.add("temp", "lm75 sda=SDA scl=SCL addr=0x48 temp=20");
            BitBangMaster m = new BitBangMaster(b);
            m.start();
            assertFalse(m.write(0x49 << 1), "NACK: nobody at 0x49");
            for (int i = 0; i < 9; i++) {
                m.bit(1); // the slave stays off the bus while others talk
            }
            m.start(); // repeated START, now for us
            assertTrue(m.write(0x48 << 1 | 1));
            assertEquals(0x14, m.read(false));
            m.stop();
        }
    }

    @Test
    void eeprom_random_read_sequential_read_with_wrap(@TempDir Path dir) throws Exception {
        byte[] file = new byte[256];
        for (int i = 0; i < 256; i++) {
            file[i] = (byte) (255 - i);
        }
        Path rom = dir.resolve("rom.bin");
        Files.write(rom, file);
        try (Board b = new Board()) {
            Part eeprom = b.add("rom", "24c02 sda=SDA scl=SCL addr=0x50 file=" + rom);
            BitBangMaster m = new BitBangMaster(b);
            assertArrayEquals(new int[] {0xef}, m.readRegister(0x50, 0x10, 1), "random read at 0x10");
            assertArrayEquals(new int[] {0x01, 0x00, 0xff, 0xfe}, m.readRegister(0x50, 0xfe, 4), "wraps to 0x00");
            assertEquals("0xef", eeprom.get("byte:0x10"));
        }
    }

    @Test
    void eeprom_page_write_rolls_over_within_its_page_and_is_saved(@TempDir Path dir) throws Exception {
        Path rom = dir.resolve("rom.bin");
        try (Board b = new Board()) {
            Part eeprom = b.add("rom", "24c02 sda=SDA scl=SCL addr=0x50 file=" + rom);
            BitBangMaster m = new BitBangMaster(b);
            // ten bytes from 0x0e: 0x0e, 0x0f, then the page's start 0x08.. takes the rest, and the last two land on
            // 0x0e and 0x0f again (0x10, on the next page, is untouched)
            m.writeBytes(0x50, 0x0e, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertEquals("0xff", eeprom.get("byte:0x10"), "the next page is untouched");
            assertArrayEquals(new int[] {3, 4, 5, 6, 7, 8, 9, 10}, m.readRegister(0x50, 0x08, 8),
                    "0x0e and 0x0f were written twice: the ninth and tenth bytes roll over onto them");
            b.await(() -> saved(rom, 0x0e) == 9, "the file saved after the page write");
            List<PartEvent> bytes = b.events(EventKind.PART_EVENT).stream().map(PartEvent::of)
                    .filter(p -> p.action() == PartAction.BYTE_WRITTEN).toList();
            assertEquals(8, bytes.size(), "one event per byte of the page");
            eeprom.set("byte:0x10", "0xab");
            assertEquals("0xab", eeprom.get("byte:0x10"));
            b.await(() -> saved(rom, 0x10) == 0xab, "a part set is saved too");
        }
    }

    @Test
    void a_byte_set_just_before_the_device_stops_is_in_the_file(@TempDir Path dir) throws Exception {
        Path rom = dir.resolve("rom.bin");
        try (Board b = new Board()) {
            b.add("rom", "24c02 sda=SDA scl=SCL addr=0x50 file=" + rom).set("byte:0x20", "0x5a");
        } // closing the parts must not cancel the save the set queued
        assertEquals(0x5a, saved(rom, 0x20));
    }

    private static int saved(Path file, int address) {
        try {
            byte[] b = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            return b.length > address ? b[address] & 0xff : -1;
        } catch (java.io.IOException e) {
            return -1; // being written
        }
    }

    @Test
    void an_lm75_and_an_eeprom_share_the_bus() throws Exception {
        try (Board b = new Board()) {
            b.add("temp", "lm75 sda=SDA scl=SCL addr=0x48 temp=30");
            b.add("rom", "24c02 sda=SDA scl=SCL addr=0x50");
            BitBangMaster m = new BitBangMaster(b);
            m.writeBytes(0x50, 0x00, 0x5a);
            assertArrayEquals(new int[] {0x1e, 0x00}, m.readRegister(0x48, 0, 2));
            assertArrayEquals(new int[] {0x5a}, m.readRegister(0x50, 0x00, 1));
            for (int a : new int[] {0x08, 0x47, 0x49, 0x51, 0x77}) {
                m.start();
                assertFalse(m.write(a << 1), "nobody at 0x" + Integer.toHexString(a));
                m.stop();
            }
        }
    }

    @Test
    void a_register_file_reads_and_writes_from_its_pointer_and_wraps_at_its_count() throws Exception {
        try (Board b = new Board()) {
            Part regs = b.add("mine", "regs sda=SDA scl=SCL addr=0x20 count=4 values=0x11,0x22");
            BitBangMaster m = new BitBangMaster(b);
            assertArrayEquals(new int[] {0x22, 0, 0, 0x11}, m.readRegister(0x20, 1, 4));
            m.writeBytes(0x20, 3, 0x33, 0x44);
            assertEquals("0x33", regs.get("byte:3"));
            assertEquals("0x44", regs.get("byte:0"), "wrapped at count");
        }
    }

    @Test
    void bus_events_name_start_bytes_and_stop() throws Exception {
        try (Board b = new Board()) {
            b.add("temp", "lm75 sda=SDA scl=SCL addr=0x48 temp=20");
            new BitBangMaster(b).readRegister(0x48, 0, 2);
            List<PartAction> actions = b.events(EventKind.PART_EVENT).stream().map(PartEvent::of)
                    .map(PartEvent::action).filter(a -> a.name().startsWith("I2C")).toList();
            assertEquals(List.of(PartAction.I2C_START, PartAction.I2C_BYTE, PartAction.I2C_START, PartAction.I2C_BYTE,
                    PartAction.I2C_BYTE, PartAction.I2C_STOP), actions);
        }
    }
}
