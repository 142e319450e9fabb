package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.parts.PartCommands;
import io.vgpio.core.parts.Parts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket's {@code part} command over a real socket: every subcommand and its errors. */
class PartCommandsTest {
    @TempDir
    Path dir;
    private Chip chip;
    private Parts parts;
    private ControlServer server;
    private ControlClient c;

    @BeforeEach
    void setUp() throws Exception {
        chip = new Chip(DeviceConfig.builder().lines(8).namesList("LED,BUTTON,SDA,SCL,A,B").build(),
                new EventLog(4096));
        parts = new Parts(chip);
        server = new ControlServer(dir.resolve("ctl.sock"), chip, () -> "none");
        PartCommands.addTo(server, parts);
        server.start();
        c = new ControlClient(dir.resolve("ctl.sock"));
    }

    @AfterEach
    void tearDown() throws Exception {
        c.close();
        server.close();
        parts.close();
    }

    @Test
    @DisplayName("part add, list and del")
    void add_list_del() throws Exception {
        assertEquals("ok 0", c.ask("part list"));
        assertEquals("ok", c.ask("part add btn button line=BUTTON pull=up bounce=8:5ms"));
        assertEquals("ok", c.ask("part add temp lm75 sda=SDA scl=SCL addr=0x48 temp=21.5"));
        assertEquals("ok 2", c.ask("part list"));
        assertEquals("btn button line=1 pull=up bounce=8:5ms seed=0", c.next());
        assertEquals("temp lm75 sda=2 scl=3 addr=0x48 temp=21.5", c.next());
        String events = c.ask("events 0 3");
        assertTrue(events.startsWith("ok 3 "), events);
        assertTrue(c.next().endsWith(" PART_EVENT -1 0 1 part     btn (#0) added (button)"));
        assertTrue(c.next().endsWith(" part     btn (#0) name 'btn'"));
        assertTrue(c.next().endsWith(" level    line 1 (BUTTON) = 1 (part)"), "the pull-up");
        assertEquals("ok", c.ask("part del btn"));
        assertEquals("ok 1", c.ask("part list"));
        assertEquals("temp lm75 sda=2 scl=3 addr=0x48 temp=21.5", c.next());
        assertEquals("err no part 'btn'; parts are temp", c.ask("part del btn"));
        assertEquals("err a part named 'temp' exists; 'part del temp' first or choose another name",
                c.ask("part add temp led line=0"));
        assertEquals("err unknown part type 'knob'; types are led, button, switch, pull-up, pull-down, wire, clock,"
                + " encoder, lm75, 24c02, regs", c.ask("part add k knob line=0"));
        assertEquals("err unknown key 'colour' for a led; its keys are line, active",
                c.ask("part add l led line=0 colour=red"));
    }

    @Test
    @DisplayName("part get and set: temperatures in °C, bytes as 0x hex, and errors for unknown parts, properties, values")
    void get_and_set() throws Exception {
        c.ask("part add temp lm75 sda=SDA scl=SCL addr=0x48 temp=21.5");
        c.ask("part add rom 24c02 sda=SDA scl=SCL addr=0x50");
        assertEquals("ok 21.5", c.ask("part get temp temp"));
        assertEquals("ok", c.ask("part set temp temp 23.5"));
        assertEquals("ok 23.5", c.ask("part get temp temp"));
        assertEquals("ok", c.ask("part set temp temp -5.5"));
        assertEquals("ok -5.5", c.ask("part get temp temp"));
        assertEquals("ok 75.0", c.ask("part get temp thyst"));
        assertEquals("ok 0xff", c.ask("part get rom byte:0x10"));
        assertEquals("ok", c.ask("part set rom byte:0x10 0xab"));
        assertEquals("ok 0xab", c.ask("part get rom byte:0x10"));
        assertEquals("ok 0xab", c.ask("part get rom byte:16"));
        assertEquals("err no part 'nope'; parts are temp, rom", c.ask("part get nope temp"));
        assertEquals("err an lm75 has no property 'colour'; it has temp, conf, thyst, tos, pointer",
                c.ask("part get temp colour"));
        assertEquals("err temp must be degrees Celsius from -55 to 125, e.g. 23.5, not 'hot'",
                c.ask("part set temp temp hot"));
        assertEquals("err byte:0x10 must be a byte from 0x00 to 0xff, not '0x100'", c.ask("part set rom byte:0x10 0x100"));
        assertEquals("err byte:0x100: the address must be from 0x00 to 0xff, e.g. byte:0x10",
                c.ask("part get rom byte:0x100"));
        assertTrue(c.ask("part get temp").startsWith("err usage: part get NAME PROP"));
    }

    @Test
    @DisplayName("part press, release and turn")
    void press_release_turn() throws Exception {
        c.ask("part add btn button line=BUTTON pull=up");
        c.ask("part add knob encoder a=A b=B speed=1000");
        chip.guestSetDirection(1, Direction.IN);
        assertEquals("ok 1", c.ask("get BUTTON"));
        assertEquals("ok", c.ask("part press btn"));
        assertEquals("ok 0", c.ask("get BUTTON"));
        assertEquals("ok 1", c.ask("part get btn pressed"));
        assertEquals("ok", c.ask("part release btn"));
        assertEquals("ok 1", c.ask("get BUTTON"));
        long before = chip.log().nextSeq();
        assertEquals("ok", c.ask("part press btn 5"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!c.ask("get BUTTON").equals("ok 1")) {
            assertTrue(System.nanoTime() < deadline, "released 5 ms after the press");
        }
        // pressed, then released: whether the get above saw the 0 depends on how fast this machine is
        List<Long> levels = new ArrayList<>();
        for (long s = before; s < chip.log().nextSeq(); s++) {
            if (chip.log().get(s).kind() == EventKind.LEVEL && chip.log().get(s).line() == 1) {
                levels.add(chip.log().get(s).a());
            }
        }
        assertEquals(List.of(0L, 1L), levels);
        assertEquals("ok", c.ask("part turn knob -3"));
        while (!c.ask("part get knob position").equals("ok -3")) {
            assertTrue(System.nanoTime() < deadline, "three detents back");
        }
        assertEquals("err knob has no push switch; give it sw=LINE", c.ask("part press knob"));
        assertEquals("err btn is a button; only an encoder is turned", c.ask("part turn btn 1"));
        assertEquals("err STEPS=x must be a whole number from -100000 to 100000", c.ask("part turn knob x"));
        assertEquals("err MILLISECONDS=0 must be a whole number from 1 to 3600000", c.ask("part press btn 0"));
        assertTrue(c.ask("part").startsWith("err usage: part list|"));
        assertTrue(c.ask("help").contains("part list|get NAME PROP"));
    }
}
