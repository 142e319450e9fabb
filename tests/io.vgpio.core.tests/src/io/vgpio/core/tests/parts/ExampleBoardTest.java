package io.vgpio.core.tests.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.parts.Part;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/board.cfg, the board the README and the guest's board module use, loads and behaves as documented. */
class ExampleBoardTest {
    private static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/board.cfg"))) {
                return p.resolve("examples");
            }
        }
        throw new AssertionError("examples/board.cfg not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    @DisplayName("The example board: LED, button, LM75 at 0x48, 24C02 at 0x50 with its file, and a wire")
    void example_board(@TempDir Path dir) throws Exception {
        // a copy, so that the EEPROM's saves do not touch the repository
        Files.copy(examples().resolve("board.cfg"), dir.resolve("board.cfg"));
        Files.copy(examples().resolve("board-rom.bin"), dir.resolve("board-rom.bin"));
        DeviceConfig config = DeviceConfig.load(dir.resolve("board.cfg"));
        try (Board b = new Board(config)) {
            assertEquals(5, b.parts.list().size());
            BitBangMaster m = new BitBangMaster(b);
            assertArrayEquals(new int[] {0x17, 0x80}, m.readRegister(0x48, 0, 2), "23.5 °C");
            byte[] rom = Files.readAllBytes(dir.resolve("board-rom.bin"));
            int[] first = m.readRegister(0x50, 0, 5);
            assertEquals("vGPIO", new String(new byte[] {(byte) first[0], (byte) first[1], (byte) first[2],
                    (byte) first[3], (byte) first[4]}, StandardCharsets.US_ASCII));
            assertEquals(rom[0] & 0xff, first[0]);
            Part btn = b.parts.get("btn");
            b.input("BUTTON");
            assertEquals(1, b.read("BUTTON"));
            btn.press(0);
            b.await(() -> b.read("BUTTON") == 0, "the press, after its bounce");
            b.output("WIRE_A", 1);
            assertEquals(1, b.read("WIRE_B"));
            b.output("LED", 1);
            assertEquals("1", b.parts.get("led").get("on"));
        }
    }
}
