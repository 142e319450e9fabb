package io.vgpio.trace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.Request;
import io.vgpio.trace.TraceFormatException;
import io.vgpio.trace.VcdReader;
import io.vgpio.trace.VcdWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcdTest {
    /** LED (line 0): 1 at 1000 us, 0 at 3000 us; BUTTON (line 1): pulses at 2000-2500 and 4000-4020 us. */
    static EventLog sample() {
        EventLog log = new EventLog(100, 0, 0);
        log.append(1_000_000, EventKind.LEVEL, 0, 1, Cause.GUEST.wire());
        log.append(1_500_000, 0, new Request(MessageType.SET_VALUE.wireValue(), 1, 0));
        log.append(2_000_000, EventKind.LEVEL, 1, 1, Cause.USER.wire());
        log.append(2_000_500, EventKind.INTERRUPT, 1, 1, 500);
        log.append(2_500_000, EventKind.LEVEL, 1, 0, Cause.USER.wire());
        log.append(3_000_000, EventKind.LEVEL, 0, 0, Cause.GUEST.wire());
        log.append(4_000_000, EventKind.LEVEL, 1, 1, Cause.USER.wire());
        log.append(4_020_000, EventKind.LEVEL, 1, 0, Cause.USER.wire());
        return log;
    }

    static DeviceConfig config() throws Exception {
        return DeviceConfig.builder().lines(3).namesList("LED,BUTTON").build();
    }

    @Test
    @DisplayName("sigrok-cli reads the exported VCD and sees the same transitions on every wire")
    void sigrok_reads_the_transitions(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("t.vcd");
        VcdWriter.write(sample(), config(), 0, 0, vcd);
        Path out = dir.resolve("sigrok.vcd");
        Process p = new ProcessBuilder("sigrok-cli", "-i", vcd.toString(), "-I", "vcd", "-O", "vcd", "-o",
                out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "sigrok-cli: " + log);
        Map<String, List<String>> seen = transitions(Files.readString(out));
        assertEquals(List.of("1000:1", "3000:0"), seen.get("LED"), "LED in " + seen);
        assertEquals(List.of("2000:1", "2500:0", "4000:1", "4020:0"), seen.get("BUTTON"), "BUTTON in " + seen);
        assertEquals(List.of(), seen.getOrDefault("line2", List.of()));
    }

    /** Per wire name: "time:value" for every change after the initial values, from a VCD sigrok wrote. */
    static Map<String, List<String>> transitions(String vcd) {
        Map<String, String> nameOf = new HashMap<>();
        Map<String, List<String>> out = new HashMap<>();
        Map<String, String> last = new HashMap<>();
        long time = 0;
        String[] toks = vcd.split("\\s+");
        for (int i = 0; i + 4 < toks.length; i++) {
            if (toks[i].equals("$var")) {
                nameOf.put(toks[i + 3], toks[i + 4]);
            }
        }
        boolean body = false;
        for (String tok : toks) {
            if (tok.equals("$enddefinitions")) {
                body = true;
                continue;
            }
            if (!body || tok.isEmpty() || tok.startsWith("$")) {
                continue;
            }
            if (tok.startsWith("#")) {
                time = Long.parseLong(tok.substring(1));
            } else if ((tok.charAt(0) == '0' || tok.charAt(0) == '1') && tok.length() > 1) {
                String id = tok.substring(1);
                String v = tok.substring(0, 1);
                String name = nameOf.get(id);
                if (name != null && !v.equals(last.put(id, v)) && last.size() > 0 && time > 0) {
                    out.computeIfAbsent(name, k -> new ArrayList<>()).add(time + ":" + v);
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("A VCD's wires import as input changes for the lines of the same names")
    void import_as_stimulus(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("t.vcd");
        VcdWriter.write(sample(), config(), 0, 0, vcd);
        VcdReader.Stimulus s = VcdReader.read(vcd, config());
        List<String> got = s.changes().stream().filter(c -> c.timeNanos() > 0)
                .map(c -> c.timeNanos() / 1000 + ":" + c.line() + "=" + c.level()).toList();
        assertEquals(List.of("1000:0=1", "2000:1=1", "2500:1=0", "3000:0=0", "4000:1=1", "4020:1=0"), got);
        assertEquals(List.of(), s.unmatched());
    }

    @Test
    @DisplayName("A bad VCD names the byte offset")
    void bad_vcd(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("bad.vcd");
        Files.writeString(vcd, "$timescale 1 us $end\n$var wire 1 ! LED $end\n$enddefinitions $end\n#10\n1!\n#x\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> VcdReader.read(vcd, config()));
        assertTrue(e.getMessage().contains("byte offset 72"), e.getMessage()); // the "#x" token
    }
}
