package io.vgpio.app.cli;

import java.util.ArrayList;
import java.util.List;

/** A small strict parser for "--name value", "--name=value" and flags, with messages that say what to do. */
final class Args {
    private final String command;
    private final List<String> rest;
    private int pos;

    Args(String command, List<String> args) {
        this.command = command;
        this.rest = new ArrayList<>(args);
    }

    boolean hasNext() {
        return pos < rest.size();
    }

    /** The next option name (value split off if given as --name=value). */
    String next() {
        String a = rest.get(pos++);
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
            rest.add(pos, a.substring(eq + 1));
            return a.substring(0, eq);
        }
        return a;
    }

    String value(String option) throws UsageException {
        if (pos >= rest.size()) {
            throw new UsageException("vgpio " + command + ": " + option + " needs a value; see 'vgpio " + command
                    + " --help'.");
        }
        return rest.get(pos++);
    }

    int intValue(String option, int min, int max) throws UsageException {
        String v = value(option);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("vgpio " + command + ": " + option + " must be a whole number from " + min + " to "
                + max + ", not '" + v + "'.");
    }

    UsageException unknown(String option) {
        return new UsageException("vgpio " + command + ": unknown option '" + option + "'; see 'vgpio " + command
                + " --help' for the options.");
    }
}
