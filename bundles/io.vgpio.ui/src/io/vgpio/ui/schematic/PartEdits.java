package io.vgpio.ui.schematic;

import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.PartType;
import io.vgpio.core.parts.Parts;
import java.util.ArrayList;
import java.util.List;

/**
 * The schematic's changes to a device's parts, made through {@link Parts} as the control socket's {@code part add}
 * and {@code part del} make them: adding a part on a line under a free name, and changing one key of a part's
 * spec (a part's settings are fixed when it is made, so it is made again under the same name).
 */
public final class PartEdits {
    private PartEdits() {
    }

    /** Adds a part of this type on the line ({@code TYPE line=N}) under a free name; returns the name. */
    public static String add(Parts parts, PartType type, int line) throws PartException {
        String name = freeName(parts, type);
        parts.add(name, type.word() + " line=" + line);
        return name;
    }

    /** The type's word without dashes and the first free number: {@code led1}, {@code pullup2}. */
    static String freeName(Parts parts, PartType type) {
        String base = type.word().replace("-", "");
        List<String> taken = parts.list().stream().map(Part::name).toList();
        int n = 1;
        while (taken.contains(base + n)) {
            n++;
        }
        return base + n;
    }

    /**
     * Makes the part again with {@code key=value} in its spec (an empty value drops the key). If the new spec is
     * refused the part is made again as it was, and the refusal is thrown.
     */
    public static void setKey(Parts parts, String name, String key, String value) throws PartException {
        Part old = parts.get(name);
        String before = old.type().word() + " " + old.describe();
        String after = old.type().word() + " " + withKey(old.describe(), key, value);
        if (after.equals(before)) {
            return;
        }
        parts.remove(name);
        try {
            parts.add(name, after);
        } catch (PartException e) {
            parts.add(name, before);
            throw e;
        }
    }

    /** The spec with {@code key=value} replacing the key's value, or added at the end; empty drops it. */
    public static String withKey(String spec, String key, String value) {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String kv : spec.trim().split("\\s+")) {
            if (kv.startsWith(key + "=")) {
                found = true;
                if (!value.isBlank()) {
                    out.add(key + "=" + value.trim());
                }
            } else if (!kv.isEmpty()) {
                out.add(kv);
            }
        }
        if (!found && !value.isBlank()) {
            out.add(key + "=" + value.trim());
        }
        return String.join(" ", out);
    }
}
