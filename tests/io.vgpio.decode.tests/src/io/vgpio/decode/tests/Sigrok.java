package io.vgpio.decode.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs sigrok-cli's decoder on a VCD (one process per file) and reads its annotations back as (kind, value, time)
 * in vgpio's names. The Google trace output is used because it names each annotation's row (MISO data or MOSI
 * data; the plain output prints only the text).
 */
final class Sigrok {
    static final String CLI = "/usr/bin/sigrok-cli";
    private static final Pattern EVENT = Pattern.compile(
            "\\{\"ph\": \"([BE])\", \"ts\": ([0-9.]+), \"pid\": \"[^\"]*\", \"tid\": \"([^\"]*)\", \"name\": \"([^\"]*)\"\\}");

    /** One annotation: vgpio's kind and value text ("address-write 48"), and where sigrok put it (ns). */
    record Expected(String kindAndValue, long timeNs, long endNs) {
    }

    private Sigrok() {
    }

    /**
     * @param decoder e.g. {@code i2c:scl=SCL:sda=SDA}
     * @param classes the annotation classes to show, e.g. {@code i2c=start:stop}
     */
    static List<Expected> decode(Path vcd, String decoder, String classes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(CLI, "-I", "vcd", "-i", vcd.toString(), "-P", decoder, "-A", classes,
                "--protocol-decoder-jsontrace").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("sigrok-cli failed on " + vcd + ": " + out);
        }
        List<Expected> result = new ArrayList<>();
        Matcher m = EVENT.matcher(out);
        // each annotation is a begin event followed by its end event
        String pending = null;
        long begin = 0;
        while (m.find()) {
            long ns = Math.round(Double.parseDouble(m.group(2)) * 1000);
            if (m.group(1).equals("B")) {
                pending = kind(m.group(3), m.group(4));
                begin = ns;
            } else if (pending != null) {
                result.add(new Expected(pending, begin, ns));
                pending = null;
            }
        }
        return result;
    }

    /** vgpio's "kind value" for sigrok's row and text, or null for annotations vgpio does not print. */
    static String kind(String row, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (text) {
            case "Start": return "start";
            case "Start repeat": return "repeat-start";
            case "Stop": return "stop";
            case "ACK": return "ack";
            case "NACK": return "nack";
            case "Read", "Write": return null; // sigrok's R/W mark inside the address: part of vgpio's address
            case "Frame error": return "frame-error";
            case "Parity error": return "parity-error";
            case "Break condition": return "break";
            case "Reset": return "reset";
            default: break;
        }
        if (text.startsWith("Address read: ")) {
            return "address-read " + lower.substring(14);
        }
        if (text.startsWith("Address write: ")) {
            return "address-write " + lower.substring(15);
        }
        if (text.startsWith("Data read: ")) {
            return "data-read " + lower.substring(11);
        }
        if (text.startsWith("Data write: ")) {
            return "data-write " + lower.substring(12);
        }
        if (text.startsWith("Bit: ")) {
            return "bit 0" + text.substring(5);
        }
        if (row.equals("Bits") && (lower.contains("presence") || lower.contains("present"))) {
            return lower.contains("false") ? "presence 00" : "presence 01";
        }
        return switch (row) {
            case "MISO data" -> "miso-data " + lower;
            case "MOSI data" -> "mosi-data " + lower;
            case "RX" -> "rx-data " + lower;
            case "TX" -> "tx-data " + lower;
            default -> "unknown " + row + ": " + text;
        };
    }
}
