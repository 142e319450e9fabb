package io.vgpio.core.breakpoint;

import io.vgpio.core.control.ControlServer;
import java.util.List;

/**
 * The control socket's breakpoint commands, and the {@code halted=} field of {@code info}:
 *
 * <pre>
 * break add SPEC        -> ok ID
 * break list            -> ok COUNT, then one line each: ID hits=N enabled|disabled SPEC
 * break del|enable|disable ID -> ok
 * halted                -> ok no, or ok ID SEQ (the breakpoint holding the device, its BREAKPOINT_HIT's number)
 * wait-halt TIMEOUT_MS  -> ok ID SEQ as soon as the device is held, or err timeout
 * step                  -> ok SEQ (the event that records the one released message) or ok none; err not halted
 * continue              -> ok; err not halted
 * </pre>
 */
public final class BreakpointCommands {
    /** Longest wait-halt: one hour, far beyond any script's patience. */
    public static final long MAX_WAIT_MILLIS = 3_600_000;

    private final Breakpoints breakpoints;

    public BreakpointCommands(Breakpoints breakpoints) {
        this.breakpoints = breakpoints;
    }

    /** Adds the commands and the info field to a control server. */
    public void addTo(ControlServer control) {
        control.addCommand("break", "break add SPEC|list|del ID|enable ID|disable ID", this::breakCommand);
        control.addCommand("halted", "halted", args -> args.length == 0 ? "ok " + halt(breakpoints.halted())
                : "err halted takes no arguments");
        control.addCommand("wait-halt", "wait-halt TIMEOUT_MS", this::waitHalt);
        control.addCommand("step", "step", args -> args.length == 0 ? step() : "err step takes no arguments");
        control.addCommand("continue", "continue", args -> args.length == 0 ? resume()
                : "err continue takes no arguments");
        control.addInfo("halted", () -> {
            Halt h = breakpoints.halted();
            return h == null ? "no" : Integer.toString(h.id());
        });
    }

    private static String halt(Halt h) {
        return h == null ? "no" : h.id() + " " + h.seq();
    }

    private String breakCommand(String[] args) {
        if (args.length == 0) {
            return "err usage: break add SPEC|list|del ID|enable ID|disable ID";
        }
        switch (args[0]) {
            case "add" -> {
                if (args.length < 2) {
                    return "err usage: break add on=KIND [line=LINE] [type=...] [action=hold|pause-guest|log]"
                            + " [ignore=N] ...";
                }
                try {
                    String spec = String.join(" ", List.of(args).subList(1, args.length));
                    return "ok " + breakpoints.add(BreakpointSpec.parse(spec));
                } catch (BreakpointSpecException e) {
                    return "err " + e.getMessage();
                }
            }
            case "list" -> {
                if (args.length != 1) {
                    return "err break list takes no arguments";
                }
                List<Breakpoint> all = breakpoints.list();
                StringBuilder s = new StringBuilder("ok ").append(all.size());
                all.forEach(b -> s.append('\n').append(b.describe()));
                return s.toString();
            }
            case "del", "enable", "disable" -> {
                if (args.length != 2) {
                    return "err usage: break " + args[0] + " ID";
                }
                int id;
                try {
                    id = Integer.parseInt(args[1]);
                } catch (NumberFormatException e) {
                    return "err bad breakpoint id '" + args[1] + "'; break list shows the ids";
                }
                boolean found = args[0].equals("del") ? breakpoints.remove(id)
                        : breakpoints.setEnabled(id, args[0].equals("enable"));
                return found ? "ok" : "err no breakpoint " + id + "; break list shows the ids";
            }
            default -> {
                return "err unknown break command '" + args[0] + "'; use add, list, del, enable or disable";
            }
        }
    }

    private String waitHalt(String[] args) {
        if (args.length != 1) {
            return "err usage: wait-halt TIMEOUT_MS";
        }
        long timeout;
        try {
            timeout = Long.parseLong(args[0]);
        } catch (NumberFormatException e) {
            timeout = -1;
        }
        if (timeout < 0 || timeout > MAX_WAIT_MILLIS) {
            return "err TIMEOUT_MS must be a whole number from 0 to " + MAX_WAIT_MILLIS + ", not '" + args[0] + "'";
        }
        try {
            Halt h = breakpoints.awaitHalt(timeout);
            return h == null ? "err timeout" : "ok " + halt(h);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "err interrupted";
        }
    }

    private String step() {
        try {
            long seq = breakpoints.step();
            return seq < 0 ? "ok none" : "ok " + seq;
        } catch (Breakpoints.NotHalted e) {
            return "err not halted";
        }
    }

    private String resume() {
        try {
            breakpoints.resume();
            return "ok";
        } catch (Breakpoints.NotHalted e) {
            return "err not halted";
        }
    }
}
