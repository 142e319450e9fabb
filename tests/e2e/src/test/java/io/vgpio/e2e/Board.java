package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.MessageType;
import io.vgpio.e2e.Control.Ev;
import java.util.List;

/**
 * The test guest's board (run-guest.sh --board, releng/guest/board/vgpio-board.c) as the tests meet it: which lines
 * it uses, the script pieces that read its drivers in the guest, and the checks of what they did on the device.
 */
final class Board {
    /** Lines 0..3 are the board's, by the names vgpio-board looks up; line 7 is the tests' SYNC handshake. */
    static final String NAMES = "LED,BUTTON,SDA,SCL,,,,SYNC";
    static final int LED = 0;
    static final int BUTTON = 1;
    static final int SDA = 2;
    static final int SCL = 3;
    static final int SYNC = 7;
    /** The i2c-gpio adapter's bus number (vgpio-board's i2c_bus parameter). */
    static final int I2C_BUS = 0;
    static final int KEY_ENTER = 28;
    static final int GUEST_TIMEOUT_S = 400;

    private Board() {
    }

    /**
     * Script lines that print the key events of gpio-keys between "KEYS-START name" and "KEYS-END name" until the
     * host releases the SYNC handshake "keys-name". keyev prints "KEYEV listening ..." once the device is open.
     */
    static String keyPhase(String name) {
        return """
                echo "KEYS-START %1$s"
                keyev &
                KP=$!
                sync_host keys-%1$s
                kill $KP; wait $KP 2>/dev/null
                echo "KEYS-END %1$s"
                """.formatted(name);
    }

    /** Script lines that run i2cdetect on the board's bus between "== i2cdetect" and "== end i2cdetect", timed. */
    static String i2cdetect() {
        return """
                echo "== i2cdetect"
                T0=$(cut -d' ' -f1 /proc/uptime)
                i2cdetect -y %d
                T1=$(cut -d' ' -f1 /proc/uptime)
                echo "== end i2cdetect"
                echo "I2CDETECT-TIME $T0 $T1"
                """.formatted(I2C_BUS);
    }

    /** Waits until keyev of the phase listens: key events from now on are printed. */
    static void awaitKeyev(Guest g) throws Exception {
        g.awaitPrefix("KEYEV listening", 120_000);
    }

    /** The KEY lines of a key phase, as "code value" (the event time dropped). */
    static List<String> keys(Guest g, String phase) {
        return g.between("KEYS-START " + phase, "KEYS-END " + phase).stream().filter(l -> l.startsWith("KEY "))
                .map(l -> {
                    String[] f = l.split(" ");
                    return f[1] + " " + f[2];
                }).toList();
    }

    /** One press and one release of KEY_ENTER, nothing else. */
    static List<String> onePressOneRelease() {
        return List.of(KEY_ENTER + " 1", KEY_ENTER + " 0");
    }

    /**
     * The addresses i2cdetect found: cells of its table that are neither "--" (no answer) nor blank. A cell "UU"
     * (a kernel driver holds the address) counts as found too, so a stray binding shows.
     */
    static List<String> i2cdetectAddresses(List<String> table) {
        assertTrue(table.size() >= 9, "i2cdetect printed a header and 8 rows: " + table);
        assertTrue(table.get(0).trim().startsWith("0  1  2  3"), table.get(0));
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        int cells = 0;
        for (String row : table.subList(1, 9)) {
            String[] f = row.trim().split("\\s+");
            assertTrue(f[0].matches("[0-7]0:"), "a row of the table: " + row);
            for (int i = 1; i < f.length; i++) {
                cells++;
                if (!f[i].equals("--")) {
                    found.add(f[i]);
                }
            }
        }
        assertEquals(0x78 - 0x03, cells, "i2cdetect probed 0x03..0x77: " + table);
        return found;
    }

    /**
     * Linux's open-drain emulation on the bus lines: the guest never drives SDA or SCL high. It only ever sets them
     * to 0 (SET_VALUE 0 with SET_DIRECTION out) and lets them go (SET_DIRECTION in), so a part holding the line low
     * always wins. Returns how many requests went to the two lines.
     */
    static int assertOpenDrainOnly(List<Ev> events) {
        int requests = 0;
        for (Ev e : events) {
            if (e.kind().equals("REQUEST") && (e.line() == SDA || e.line() == SCL)) {
                requests++;
                if (e.requestType() == MessageType.SET_VALUE.wireValue()) {
                    assertEquals(0, e.requestValue(), "the guest drove an I2C line high: " + e);
                }
            }
        }
        return requests;
    }

    /** The LED's level changes the guest made, for {@link HeartbeatPattern}. */
    static List<HeartbeatPattern.Change> ledChanges(List<Ev> events) {
        return events.stream().filter(e -> e.kind().equals("LEVEL") && e.line() == LED && e.text().contains("(guest)"))
                .map(e -> new HeartbeatPattern.Change(e.timeNanos(), (int) e.a())).toList();
    }
}
