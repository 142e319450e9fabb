package io.vgpio.core.control;

import io.vgpio.core.Chip;
import java.util.Arrays;

/**
 * Reading the words of a command line: how many there are, a line given by number or by name (names may contain
 * spaces, so a line is a run of words), a level, a number. Every problem is a {@link BadCommand} whose message is
 * the answer's REASON.
 */
final class Arguments {
    private Arguments() {
    }

    static void need(String[] t, int n, String usage) throws BadCommand {
        if (t.length < n) {
            throw new BadCommand("usage: " + usage);
        }
    }

    /** The line that words {@code from} (inclusive) to {@code to} (exclusive) name. */
    static int line(Chip chip, String[] t, int from, int to) throws BadCommand {
        if (to <= from) {
            throw new BadCommand("a line number or name is missing");
        }
        String token = String.join(" ", Arrays.copyOfRange(t, from, to));
        int line = chip.config().lineIndex(token);
        if (line < 0) {
            throw new BadCommand("no line '" + token + "'; lines are 0.." + (chip.lineCount() - 1)
                    + (chip.config().hasNames() ? " or a line name" : ""));
        }
        return line;
    }

    /** Whether words {@code from} to {@code to} name a line: used to tell whether an optional argument was given. */
    static boolean namesLine(Chip chip, String[] t, int from, int to) {
        return to > from && chip.config().lineIndex(String.join(" ", Arrays.copyOfRange(t, from, to))) >= 0;
    }

    static int level(String s) throws BadCommand {
        return switch (s) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new BadCommand("level must be 0 or 1, not '" + s + "'");
        };
    }

    /** A number from 0 to {@code max}. */
    static long number(String s, String what, long max) throws BadCommand {
        try {
            long v = Long.parseLong(s);
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadCommand(what + " must be a whole number from 0 to " + max + ", not '" + s + "'");
    }

    /** Any whole number; its range is for the caller to check (the stimulus definitions say it best). */
    static long wholeNumber(String s, String what) throws BadCommand {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadCommand(what + " must be a whole number, not '" + s + "'");
        }
    }
}
