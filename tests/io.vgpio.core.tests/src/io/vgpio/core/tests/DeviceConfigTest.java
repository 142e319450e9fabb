package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceConfigTest {

    @Test
    @DisplayName("A config file round-trips through format() and load()")
    void round_trip(@TempDir Path dir) throws Exception {
        DeviceConfig c = DeviceConfig.builder().lines(12).irq(false).namesList("LED,,BUTTON").name(11, "Red LED Vdd")
                .build();
        Path file = dir.resolve("dev.conf");
        Files.writeString(file, c.format());
        assertEquals(c, DeviceConfig.load(file));
    }

    @Test
    @DisplayName("Hardware bindings round-trip through the file form, with every option")
    void bindings_round_trip(@TempDir Path dir) throws Exception {
        DeviceConfig c = DeviceConfig.parse(List.of(
                "lines = 8",
                "bind.2 = in gpio-sim.0-node0:3, bias=pull-up debounce=5ms active-low",
                "bind.5 = output /dev/gpiochip1:LED0 drive=open-drain"), "f.conf").build();
        LineBinding in = c.binding(2);
        assertEquals(LineBinding.Mode.IN, in.mode());
        assertEquals("gpio-sim.0-node0", in.chip());
        assertEquals(3, in.physicalOffset());
        assertEquals(LineBinding.Bias.PULL_UP, in.bias());
        assertEquals(5000, in.debounceMicros());
        assertTrue(in.activeLow());
        LineBinding out = c.binding(5);
        assertEquals(-1, out.physicalOffset());
        assertEquals("LED0", out.physical());
        assertEquals(LineBinding.Drive.OPEN_DRAIN, out.drive());
        assertEquals("in gpio-sim.0-node0:3 bias=pull-up active-low debounce=5ms", in.spec());
        Path file = dir.resolve("dev.conf");
        Files.writeString(file, c.format());
        assertEquals(c, DeviceConfig.load(file));
    }

    @Test
    @DisplayName("Fault rules (fault.N) are checked against the lines wherever they stand, and round-trip in N's order")
    void faults_round_trip(@TempDir Path dir) throws Exception {
        DeviceConfig c = DeviceConfig.parse(List.of(
                "fault.10 = on=line line=BUTTON effect=stuck:1",
                "fault.2 = effect=err type=get-value on=request count=1",
                "names = LED,BUTTON",
                "lines = 4"), "f.conf").build();
        assertEquals(List.of(2, 10), List.copyOf(c.faults().keySet()));
        assertEquals("on=request type=get-value effect=err count=1", c.faults().get(2).text());
        assertEquals("on=line line=1 effect=stuck:1", c.faults().get(10).text());
        assertTrue(c.format().contains("fault.2 = on=request type=get-value effect=err count=1\n"));
        Path file = dir.resolve("dev.conf");
        Files.writeString(file, c.format());
        assertEquals(c, DeviceConfig.load(file));
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    @DisplayName("Two lines bound to one physical line are refused")
    void duplicate_binding() {
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceConfig.parse(List.of(
                "bind.1 = in gpiochip1:5", "bind.4 = out gpiochip1:5"), "f.conf").build());
        assertEquals("f.conf: lines 1 and 4 are both bound to gpiochip1:5; a physical line can serve one line only.",
                e.getMessage());
    }

    @Test
    @DisplayName("The names blob is NUL-separated in line order, and empty when no line is named")
    void names_blob() throws Exception {
        DeviceConfig c = DeviceConfig.builder().lines(3).namesList("a,,bc").build();
        assertEquals("a\0\0bc\0", new String(c.namesBlob(), StandardCharsets.US_ASCII));
        assertEquals(0, DeviceConfig.defaults().namesBlob().length);
    }

    @Test
    @DisplayName("Parts (part.NAME) are read by line name or number, kept in the file's order and written back")
    void parts_round_trip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("board.cfg");
        Files.writeString(f, String.join("\n", "lines = 8", "names = LED,BUTTON,SDA,SCL",
                "part.rom = 24c02 sda=SDA scl=SCL addr=0x50 file=rom.bin",
                "part.btn = button line=BUTTON pull=up bounce=8:5ms",
                "part.temp = lm75 sda=SDA scl=SCL addr=0x48 temp=21.5", "part.led = led line=0 active=low", ""));
        DeviceConfig c = DeviceConfig.load(f);
        assertEquals(List.of("rom", "btn", "temp", "led"), List.copyOf(c.parts().keySet()));
        assertEquals("line=1 pull=up bounce=8:5ms seed=0", c.parts().get("btn").describe());
        assertEquals("sda=2 scl=3 addr=0x48 temp=21.5", c.parts().get("temp").describe());
        assertEquals("sda=2 scl=3 addr=0x50 file=" + dir.resolve("rom.bin"), c.parts().get("rom").describe(),
                "a relative file is beside the configuration file");
        Path again = dir.resolve("again.cfg");
        Files.writeString(again, c.format());
        assertEquals(c, DeviceConfig.load(again));
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    @DisplayName("Lines are found by number or by name")
    void line_lookup() throws Exception {
        DeviceConfig c = DeviceConfig.builder().lines(4).namesList("LED,BUTTON").build();
        assertEquals(1, c.lineIndex("BUTTON"));
        assertEquals(3, c.lineIndex("3"));
        assertEquals(-1, c.lineIndex("4"));
        assertEquals(-1, c.lineIndex("button"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lines = 0|f.conf:1: line count 0 is out of range; give a number from 1 to 65535.",
        "lines = many|f.conf:1: lines must be a whole number from 1 to 65535, found 'many'.",
        "irq = maybe|f.conf:1: irq must be on or off, found 'maybe'.",
        "colour = red|f.conf:1: unknown key 'colour'; known keys are lines, irq, names, name.N, bind.N, fault.N, break.N and part.NAME.",
        "just words|f.conf:1: expected 'key = value' but found 'just words'; keys are lines, irq, names, name.N, bind.N, fault.N, break.N and part.NAME.",
        "name.x = A|f.conf:1: 'name.x' should be name.N with N a line number, e.g. name.3 = BUTTON.",
        "part.btn = knob line=1|f.conf:1: part.btn: unknown part type 'knob'; types are led, button, switch, pull-up, pull-down, wire, clock, encoder, lm75, 24c02, regs.",
        "part.btn = button line=9|f.conf:1: part.btn: line=9 names no line; give a line number from 0 to 7.",
        "part.btn = button|f.conf:1: part.btn: a button needs line=, e.g. line=3.",
        "part.btn = button line=1 colour=red|f.conf:1: part.btn: unknown key 'colour' for a button; its keys are line, pull, bounce, seed.",
        "part.btn = button line=1 bounce=8|f.conf:1: part.btn: bounce=8 should be TRANSITIONS:DURATION, e.g. bounce=8:5ms.",
        "part.btn = button line=1 bounce=8:5|f.conf:1: part.btn: bounce=5 needs a unit: us, ms or s, e.g. bounce=5ms.",
        "part.t = lm75 sda=1 scl=2 addr=48|f.conf:1: part.t: addr=48 must be a 7-bit I2C address in hex from 0x08 to 0x77, e.g. addr=0x48.",
        "part.t = lm75 sda=1 scl=2 addr=0x48 temp=200|f.conf:1: part.t: temp must be degrees Celsius from -55 to 125, e.g. 23.5, not '200'.",
        "part.t = lm75 sda=1 scl=1 addr=0x48|f.conf:1: part.t: sda and scl must be different lines, not both 1.",
        "part.9x = led line=1|f.conf:1: part.9x: part name '9x' must start with a letter and hold only letters, digits, '_' and '-' (at most 32).",
        "part.c = clock line=1 period=10us|f.conf:1: part.c: period=10us is too short; a clock's period is at least 100us.",
        "bind.2 = sideways gpiochip1:5|f.conf:1: a binding starts with in or out, not 'sideways'; write e.g. 'in gpiochip1:5 bias=pull-up debounce=5ms' or 'out gpiochip1:2 drive=open-drain'.",
        "bind.2 = in gpiochip1|f.conf:1: 'gpiochip1' is not CHIP:LINE (a chip name, path or label, a colon, then a line offset or name); write e.g. 'in gpiochip1:5 bias=pull-up debounce=5ms' or 'out gpiochip1:2 drive=open-drain'.",
        "bind.2 = in gpiochip1:5 bias=sideways|f.conf:1: bias must be one of as-is, pull-up, pull-down, disabled, not 'sideways'.",
        "bind.2 = in gpiochip1:5 debounce=5 minutes|f.conf:1: unknown binding option 'minutes'; options are bias=pull-up/pull-down/disabled/as-is, drive=push-pull/open-drain/open-source, active-low, debounce=TIME (e.g. 5ms, 200us).",
        "bind.2 = in gpiochip1:5 debounce=2s|f.conf:1: debounce 2s is longer than the 1 s allowed.",
        "bind.2 = out gpiochip1:5 debounce=2ms|f.conf:1: debounce applies to inputs only; remove it from the 'out' binding of line 2.",
        "bind.9 = in gpiochip1:5|f.conf: line 9 is bound (in gpiochip1:5) but the device has only 8 lines (0..7); remove the binding or raise the line count.",
        "bind.x = in gpiochip1:5|f.conf:1: 'bind.x' should be bind.N with N a line number, e.g. bind.3 = in gpiochip1:5.",
        "break.1 = on=level status=ok|f.conf:1: break.1: status= applies to on=response, not on=level.",
        "break.x = on=request|f.conf:1: 'break.x' should be break.N with N a number, e.g. break.1 = on=request type=set-value line=3.",
        "break.1 = on=level line=9|f.conf: break.1: bad line '9'; lines are 0..7 or any.",
        "names = A,B,A|f.conf: lines 0 and 2 are both named 'A'; line names must be unique, rename one of them.",
        "name.9 = FAR|f.conf: a name is given for line 9 ('FAR') but the device has only 8 lines (0..7); remove the name or raise the line count.",
        "fault.1 = on=request effect=boom|f.conf:1: fault.1: effect=boom: must be err, delay:MICROSECONDS, hang or short-length.",
        "fault.2 = on=line line=8 effect=drop-irq|f.conf:1: fault.2: line=8: no such line; the device has lines 0 to 7 (a number or a name).",
        "fault.x = on=request effect=err|f.conf:1: 'fault.x' should be fault.N with N a number, e.g. fault.1 = on=line line=2 effect=drop-irq.",
        "name.1 = 42|f.conf:1: line 1 is named '42', a plain number, which would be mistaken for a line number; give it a name with a letter in it."})
    @DisplayName("Bad config lines give one message naming the place, the problem and the fix")
    void bad_config(String line, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DeviceConfig.parse(List.of(line), "f.conf").build());
        assertEquals(message, e.getMessage());
    }

    @Test
    @DisplayName("Non-ASCII names are refused")
    void non_ascii_name() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DeviceConfig.builder().name(0, "LÉD").build());
        assertTrue(e.getMessage().contains("7-bit ASCII"), e.getMessage());
    }

    @Test
    @DisplayName("F10: a config file that is not UTF-8 is named with its line and byte, not 'Input length = 1'")
    void f10_a_config_file_that_is_not_utf8_says_where(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.conf");
        Files.write(file, "lines = 4\nname.1 = L\u00c9D\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceConfig.load(file));
        assertEquals(file + ":2: the file is not UTF-8 text (byte 0xC9 at offset 20 is not UTF-8); save it as UTF-8"
                + " (e.g. iconv -f latin1 -t utf-8).", e.getMessage());
    }

    @Test
    @DisplayName("F10: a name of control characters is refused, not silently dropped")
    void f10_control_characters_in_names_are_refused() throws Exception {
        for (String names : new String[] {"\u0001", "LED,\u0001", "A\tB", " \u001f"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> DeviceConfig.builder().origin("--names").namesList(names).build(), names);
            assertTrue(e.getMessage().contains("not printable 7-bit ASCII"), e.getMessage());
        }
        assertEquals("B", DeviceConfig.builder().namesList(" ,B ").build().name(1), "spaces are still trimmed");
    }

    @Test
    @DisplayName("A missing config file names the path")
    void missing_file(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceConfig.load(dir.resolve("nope.conf")));
        assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
    }

    @Test
    void break_keys_are_kept_in_order_and_written_back() throws Exception {
        DeviceConfig c = DeviceConfig.parse(java.util.List.of("names = LED", "break.2 = on=interrupt action=log",
                "break.1 = on=request   type=set-value line=LED"), "f.conf").build();
        assertEquals(java.util.List.of(1, 2), java.util.List.copyOf(c.breakpoints().keySet()));
        assertEquals("on=request line=LED type=set-value action=hold", c.breakpoints().get(1).format());
        assertTrue(c.format().contains("break.1 = on=request line=LED type=set-value action=hold\n"));
        assertEquals(c, DeviceConfig.parse(c.format().lines().toList(), "again").build());
        assertEquals(c, c.toBuilder().build());
    }
}
