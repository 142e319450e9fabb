package io.vgpio.core.parts;

/** A part's spec, checked against the lines: what the configuration file keeps, and what makes the part. */
public interface PartSettings {
    PartType type();

    /** The keys in a fixed order, as {@code part list} shows them. */
    String describe();

    /** The whole spec, type first, as the configuration file and {@code part add} take it. */
    default String text() {
        return type().word() + " " + describe();
    }

    /** Attaches a part made from these settings. */
    Part create(PartContext context);
}
