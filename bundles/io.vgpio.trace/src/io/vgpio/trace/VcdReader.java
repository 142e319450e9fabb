package io.vgpio.trace;

import io.vgpio.core.DeviceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the 1-bit wires of a VCD as input changes, to use a recording from a logic analyser (or an exported trace)
 * as stimulus. A wire maps to the device line of the same name (as {@link VcdWriter#wireName} spells it), or lineN;
 * wires that match no line are ignored and reported.
 */
public final class VcdReader {
    private VcdReader() {
    }

    /** An input change: when (ns since VCD time 0), which line, which level. */
    public record Change(long timeNanos, int line, int level) {
    }

    /** The changes in time order, and the wires that matched no line. */
    public record Stimulus(List<Change> changes, List<String> unmatched) {
    }

    public static Stimulus read(Path file, DeviceConfig config) throws IOException {
        return read(file, Files.readAllBytes(file), config);
    }

    /** Reads a VCD already in memory; {@code file} names it in messages (the fuzz harness calls this). */
    public static Stimulus read(Path file, byte[] bytes, DeviceConfig config) throws TraceFormatException {
        String name = file.toString();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < config.lines(); i++) {
            byName.put(VcdWriter.wireName(config, i), i);
            byName.put("line" + i, i);
        }
        List<String> unmatched = new ArrayList<>();
        Parsed p = parse(name, bytes, wire -> {
            Integer line = byName.get(wire);
            if (line == null) {
                unmatched.add(wire);
            }
            return line;
        });
        if (p.wires() == 0) {
            throw new TraceFormatException(name, 0, "no 1-bit wire matches a device line (wires named like the lines"
                    + " or line0, line1, ...; found " + unmatched + ")");
        }
        return new Stimulus(p.changes(), unmatched);
    }

    /**
     * A VCD's 1-bit wires, whatever their names: the input of the protocol decoders, which read any wire.
     *
     * @param names the wires' names in the order they are declared; a {@link Change}'s line is an index into it
     * @param changes every 0/1 value change (the $dumpvars values at time 0 included), in time order
     * @param endNanos the last timestamp, which readers such as sigrok take as the end of the capture
     */
    public record Wires(List<String> names, List<Change> changes, long endNanos) {
    }

    public static Wires readWires(Path file) throws IOException {
        String name = file.toString();
        List<String> names = new ArrayList<>();
        Parsed p = parse(name, Files.readAllBytes(file), wire -> {
            names.add(wire);
            return names.size() - 1;
        });
        if (p.wires() == 0) {
            throw new TraceFormatException(name, 0, "the VCD declares no 1-bit wire");
        }
        return new Wires(names, p.changes(), p.lastTime());
    }

    private record Parsed(List<Change> changes, int wires, long lastTime) {
    }

    /** Parses the VCD; {@code lineOf} gives a declared 1-bit wire's line, or null to ignore the wire. */
    private static Parsed parse(String name, byte[] bytes, Function<String, Integer> lineOf)
            throws TraceFormatException {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        Map<String, Integer> lineOfId = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        long unitNanos = 1000; // 1 us unless $timescale says otherwise
        long time = 0;
        int pos = 0;
        boolean definitions = true;
        while (pos < text.length()) {
            // next whitespace-separated token
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                break;
            }
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String tok = text.substring(start, pos);
            if (tok.startsWith("$")) {
                int end = text.indexOf("$end", pos);
                if (tok.equals("$end") || tok.equals("$dumpvars") || tok.equals("$dumpall") || tok.equals("$dumpon")
                        || tok.equals("$dumpoff")) {
                    continue;
                }
                if (end < 0) {
                    throw new TraceFormatException(name, start, tok + " has no $end");
                }
                String body = text.substring(pos, end).trim();
                pos = end + 4;
                switch (tok) {
                    case "$timescale" -> unitNanos = timescale(name, start, body);
                    case "$var" -> {
                        String[] f = body.split("\\s+");
                        if (f.length < 4) {
                            throw new TraceFormatException(name, start, "$var needs type, size, id and name: '" + body
                                    + "'");
                        }
                        if ((f[0].equals("wire") || f[0].equals("reg")) && f[1].equals("1")) {
                            Integer line = lineOf.apply(f[3]);
                            if (line != null) {
                                lineOfId.put(f[2], line);
                            }
                        }
                    }
                    case "$enddefinitions" -> definitions = false;
                    default -> {
                        // $date, $version, $comment, $scope, $upscope: nothing to take
                    }
                }
                continue;
            }
            if (definitions) {
                throw new TraceFormatException(name, start, "value change '" + tok + "' before $enddefinitions");
            }
            char c = tok.charAt(0);
            if (c == '#') {
                try {
                    time = Long.parseLong(tok.substring(1)) * unitNanos;
                } catch (NumberFormatException e) {
                    throw new TraceFormatException(name, start, "bad time '" + tok + "'");
                }
            } else if (c == '0' || c == '1' || c == 'x' || c == 'X' || c == 'z' || c == 'Z') {
                Integer line = lineOfId.get(tok.substring(1));
                if (line != null && (c == '0' || c == '1')) {
                    changes.add(new Change(time, line, c - '0'));
                }
            } else if (c == 'b' || c == 'B' || c == 'r' || c == 'R' || c == 's' || c == 'S') {
                // a vector, real or string value: its identifier follows as the next token
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
            } else {
                throw new TraceFormatException(name, start, "unexpected '" + tok + "'");
            }
        }
        return new Parsed(changes, lineOfId.size(), time);
    }

    private static long timescale(String name, int at, String body) throws TraceFormatException {
        String s = body.replace(" ", "").toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        try {
            long n = Long.parseLong(s.substring(0, i));
            long unit = switch (s.substring(i)) {
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us" -> 1000L;
                case "ns" -> 1L;
                default -> throw new NumberFormatException();
            };
            return n * unit;
        } catch (NumberFormatException e) {
            throw new TraceFormatException(name, at, "timescale '" + body + "' is not one of 1/10/100 s, ms, us or ns"
                    + " (ps and fs are finer than this device's clock)");
        }
    }
}
