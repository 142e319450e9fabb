package io.vgpio.core.parts;

import io.vgpio.core.control.ControlServer;
import java.util.Arrays;
import java.util.List;

/**
 * The control socket's {@code part} command: {@code list}, {@code get NAME PROP}, {@code set NAME PROP VALUE},
 * {@code press NAME [MILLISECONDS]}, {@code release NAME}, {@code turn NAME STEPS}, {@code add NAME TYPE key=value
 * ...}, {@code del NAME}. Everything wrong is {@code err REASON}.
 */
public final class PartCommands {
    static final String USAGE = "part list|get NAME PROP|set NAME PROP VALUE|press NAME [MS]|release NAME"
            + "|turn NAME STEPS|add NAME TYPE key=value ...|del NAME";
    private final Parts parts;

    private PartCommands(Parts parts) {
        this.parts = parts;
    }

    public static void addTo(ControlServer control, Parts parts) {
        control.addCommand("part", USAGE, new PartCommands(parts)::run);
        control.setPartNames(parts::nameOf);
    }

    String run(String[] args) {
        try {
            return "ok" + answer(args);
        } catch (PartException e) {
            return "err " + e.getMessage();
        }
    }

    private String answer(String[] a) throws PartException {
        String sub = a.length == 0 ? "" : a[0];
        switch (sub) {
            case "list" -> {
                need(a, 1, 1, "part list");
                List<Part> all = parts.list();
                StringBuilder s = new StringBuilder(" ").append(all.size());
                all.forEach(p -> s.append('\n').append(p.name()).append(' ').append(p.type().word()).append(' ')
                        .append(p.describe()));
                return s.toString();
            }
            case "get" -> {
                need(a, 3, 3, "part get NAME PROP");
                return " " + parts.get(a[1]).get(a[2]);
            }
            case "set" -> {
                need(a, 4, 4, "part set NAME PROP VALUE");
                parts.get(a[1]).set(a[2], a[3]);
                return "";
            }
            case "press" -> {
                need(a, 2, 3, "part press NAME [MILLISECONDS]");
                long ms = a.length == 3 ? PartArgs.number("MILLISECONDS", a[2], 1, 3_600_000) : 0;
                parts.get(a[1]).press(ms);
                return "";
            }
            case "release" -> {
                need(a, 2, 2, "part release NAME");
                parts.get(a[1]).release();
                return "";
            }
            case "turn" -> {
                need(a, 3, 3, "part turn NAME STEPS");
                parts.get(a[1]).turn((int) PartArgs.number("STEPS", a[2], -100_000, 100_000));
                return "";
            }
            case "add" -> {
                need(a, 3, Integer.MAX_VALUE, "part add NAME TYPE key=value ...");
                parts.add(a[1], String.join(" ", Arrays.copyOfRange(a, 2, a.length)));
                return "";
            }
            case "del" -> {
                need(a, 2, 2, "part del NAME");
                parts.remove(a[1]);
                return "";
            }
            default -> throw new PartException("usage: " + USAGE);
        }
    }

    private static void need(String[] a, int min, int max, String usage) throws PartException {
        if (a.length < min || a.length > max) {
            throw new PartException("usage: " + usage);
        }
    }
}
