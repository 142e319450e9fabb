package io.vgpio.core.fault;

import io.vgpio.core.control.ControlServer;
import java.util.List;

/**
 * The control socket's {@code fault} command: {@code fault add SPEC} → {@code ok ID}; {@code fault list} →
 * {@code ok COUNT} and one line {@code ID hits=N SPEC} per rule; {@code fault del ID} and {@code fault clear} →
 * {@code ok}. A bad spec is answered {@code err} naming the bad key or value, and installs nothing.
 */
public final class FaultCommands {
    static final String USAGE = "fault add SPEC|list|del ID|clear";
    private final FaultRules rules;

    private FaultCommands(FaultRules rules) {
        this.rules = rules;
    }

    /** Adds {@code fault} to a control socket. */
    public static void addTo(ControlServer control, FaultRules rules) {
        control.addCommand("fault", USAGE, new FaultCommands(rules)::run);
    }

    String run(String[] args) {
        String sub = args.length == 0 ? "" : args[0];
        switch (sub) {
            case "add" -> {
                try {
                    String spec = String.join(" ", List.of(args).subList(1, args.length));
                    return "ok " + rules.add(FaultSpecParser.parse(spec, rules.chip().config()));
                } catch (FaultSpecException e) {
                    return "err " + e.getMessage();
                }
            }
            case "list" -> {
                if (args.length != 1) {
                    return "err fault list takes no arguments";
                }
                List<FaultRule> all = rules.rules();
                StringBuilder s = new StringBuilder("ok ").append(all.size());
                all.forEach(r -> s.append('\n').append(r.listLine()));
                return s.toString();
            }
            case "del" -> {
                Integer id = args.length == 2 ? id(args[1]) : null;
                if (id == null) {
                    return "err usage: fault del ID (a number that fault add answered)";
                }
                return rules.delete(id) ? "ok" : "err no fault rule " + id + "; 'fault list' shows them";
            }
            case "clear" -> {
                if (args.length != 1) {
                    return "err fault clear takes no arguments";
                }
                rules.clear();
                return "ok";
            }
            default -> {
                return "err usage: " + USAGE;
            }
        }
    }

    private static Integer id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
