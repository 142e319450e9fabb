package io.vgpio.ui.schematic;

import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.PartType;
import java.util.ArrayList;
import java.util.List;

/**
 * The model of one simulated part's edit part: which part (by name) of which diagram's device, with its type and
 * spec ({@code describe()}) as it was when drawn, so that a part replaced under the same name with other keys is
 * a new model and gets a new figure. The part itself lives in the device's {@code Parts}.
 */
public record SchematicPart(SchematicDiagram diagram, String name, PartType type, String spec) {
    /** The keys of a part's spec whose values are lines, as {@code describe()} gives them (by number). */
    private static final List<String> LINE_KEYS = List.of("line", "from", "to", "a", "b", "sw", "sda", "scl");

    /** A model for a part of the diagram's device. */
    public static SchematicPart of(SchematicDiagram diagram, Part part) {
        return new SchematicPart(diagram, part.name(), part.type(), part.describe());
    }

    /** The lines the part is attached to, in its spec's order. */
    public List<Integer> pins() {
        return pins(spec);
    }

    /** The part now, or null once it was deleted (or the device stopped). */
    public Part part() {
        try {
            return diagram.parts() == null ? null : diagram.parts().get(name);
        } catch (PartException e) {
            return null;
        }
    }

    /** The lines a part is attached to, in its spec's order: {@code sda=2 scl=3 addr=0x48} gives 2, 3. */
    public static List<Integer> pins(String describe) {
        List<Integer> lines = new ArrayList<>();
        for (String kv : describe.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && LINE_KEYS.contains(kv.substring(0, eq))) {
                try {
                    lines.add(Integer.parseInt(kv.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // describe() gives lines by number; anything else is not a line
                }
            }
        }
        return lines;
    }

    /** A key's value in a part's spec, or null: {@code addr} in {@code sda=2 scl=3 addr=0x48} is 0x48. */
    public static String key(String describe, String key) {
        for (String kv : describe.trim().split("\\s+")) {
            if (kv.startsWith(key + "=")) {
                return kv.substring(key.length() + 1);
            }
        }
        return null;
    }
}
