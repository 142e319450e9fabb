package io.vgpio.ui.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to boot the test guest: an interactive shell (the default) or a script; the project's kernel and initrd or
 * the user's own; extra QEMU arguments. Turned into run-guest.sh's command line by {@link #command}.
 *
 * @param script a script the guest runs as /test.sh, or null for a shell on the console
 * @param shellAfterScript after the script, a shell instead of powering off
 * @param kernel the user's kernel image, or null for the project's (then initrd is null too)
 * @param initrd the user's initrd, or null
 * @param qemuArguments extra QEMU arguments, each one argument
 * @param kernelAppend more kernel command line (run-guest.sh's --append), or null
 * @param kvm use KVM when /dev/kvm works (run-guest.sh probes it and falls back to TCG), else TCG
 */
public record GuestOptions(Path script, boolean shellAfterScript, Path kernel, Path initrd,
        List<String> qemuArguments, String kernelAppend, boolean kvm) {

    public GuestOptions {
        qemuArguments = List.copyOf(qemuArguments);
        kernelAppend = kernelAppend == null || kernelAppend.isBlank() ? null : kernelAppend.strip();
    }

    /** Options without extra kernel command line, under TCG (Device > Run Guest's). */
    public GuestOptions(Path script, boolean shellAfterScript, Path kernel, Path initrd, List<String> qemuArguments) {
        this(script, shellAfterScript, kernel, initrd, qemuArguments, null, false);
    }

    /** The project's guest with a shell on its console. */
    public static GuestOptions shell() {
        return new GuestOptions(null, false, null, null, List.of());
    }

    /** Why these options cannot boot, or null when they can. */
    public String problem() {
        if ((kernel == null) != (initrd == null)) {
            return "Give both a kernel and an initrd, or neither (then the project's test guest boots).";
        }
        for (Path p : new Path[] {script, kernel, initrd}) {
            if (p != null && !Files.isReadable(p)) {
                return p + " is not a readable file.";
            }
        }
        return null;
    }

    /**
     * run-guest.sh's command line for a guest on the device's socket: the console on stdin and stdout without
     * QEMU's monitor (every typed byte, Ctrl+C included, reaches the guest) and no time limit.
     */
    public List<String> command(Path runner, Path socket) {
        List<String> c = new ArrayList<>(List.of(runner.toString(), "--socket", socket.toString(), "--raw-console",
                "--timeout", "0"));
        if (script != null) {
            c.addAll(List.of("--script", script.toString()));
            if (shellAfterScript) {
                c.add("--shell");
            }
        }
        if (kernel != null) {
            c.addAll(List.of("--kernel", kernel.toString(), "--initrd", initrd.toString()));
        }
        if (kernelAppend != null) {
            c.addAll(List.of("--append", kernelAppend));
        }
        if (kvm) {
            c.add("--kvm");
        }
        for (String a : qemuArguments) {
            c.addAll(List.of("--qemu-arg", a));
        }
        return c;
    }

    /** Splits a line as a shell would for simple words: blanks separate, '...' and "..." group, no escapes. */
    public static List<String> splitArguments(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The inverse of {@link #splitArguments}, for showing the arguments in a text field. */
    public static String joinArguments(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            boolean plain = !w.isEmpty() && w.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '\''
                    || ch == '"');
            quoted.add(plain ? w : w.contains("'") ? "\"" + w + "\"" : "'" + w + "'");
        }
        return String.join(" ", quoted);
    }
}
