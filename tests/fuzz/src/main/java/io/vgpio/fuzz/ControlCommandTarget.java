package io.vgpio.fuzz;

import io.vgpio.core.Chip;
import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Control-socket commands on a fresh chip: each input is a session, one command per line, run through
 * {@link ControlServer#execute} as the socket's client thread runs them (no socket is opened). Clean rejection: an
 * {@code err} answer. Every answer must be {@code ok...} or {@code err ...}, except {@code state}'s table.
 */
public final class ControlCommandTarget {
    /**
     * Pulses block for their width by design (and spin for the last 200 us): longer ones would look like hangs and
     * slow every other input down. For the same reason a pulse after a train or a bounce is left out: stimuli run
     * one after another, so it answers only once they are over, which may be hours later.
     */
    private static final long LONGEST_PULSE_MICROS = 2;
    private static final DeviceConfig CONFIG = config();

    private ControlCommandTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        Chip chip = new Chip(CONFIG, new EventLog(256));
        // Closed after each input: it stops the stimulus thread that edge, train and bounce start, and what they
        // queued, so that no input leaves work running into the next.
        try (ControlServer server = new ControlServer(Path.of("fuzz.ctl"), chip, () -> "none")) {
            // The client loop reads lines as BufferedReader.readLine does and skips blank ones.
            boolean queuedLongStimulus = false;
            for (String line : new String(data, StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || (isPulse(line) && (queuedLongStimulus || longPulse(line)))) {
                    continue;
                }
                queuedLongStimulus |= firstWordIs(line, "train") || firstWordIs(line, "bounce");
                String answer = server.execute(line);
                boolean state = line.strip().toLowerCase(Locale.ROOT).equals("state");
                if (!state && !answer.startsWith("ok") && !answer.startsWith("err ")) {
                    throw new AssertionError("answer to '" + line + "' is neither ok nor err: " + answer);
                }
            }
        }
    }

    private static boolean isPulse(String line) {
        return firstWordIs(line, "pulse");
    }

    private static boolean firstWordIs(String line, String command) {
        return line.strip().split("\\s+")[0].equalsIgnoreCase(command);
    }

    private static boolean longPulse(String line) {
        String[] t = line.strip().split("\\s+");
        try {
            return Long.parseLong(t[t.length - 1]) > LONGEST_PULSE_MICROS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static DeviceConfig config() {
        try {
            // A name with a space: LINE is everything between the command and its last argument.
            return DeviceConfig.parse(List.of("lines = 6", "names = LED,BUTTON,,Red LED"), "fuzz").build();
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
