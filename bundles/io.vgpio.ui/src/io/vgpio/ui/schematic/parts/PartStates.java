package io.vgpio.ui.schematic.parts;

import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import io.vgpio.ui.schematic.SchematicPart;

/** What a part's figure shows of it: whether it is lit/pressed/on/running, a short description and a tooltip. */
final class PartStates {
    private PartStates() {
    }

    /** Lit (an LED), pressed (a button), on (a switch), running (a clock); false for every other part. */
    static boolean active(Part p) {
        String property = switch (p.type()) {
            case LED, SWITCH -> "on";
            case BUTTON -> "pressed";
            case CLOCK -> "running";
            default -> null;
        };
        try {
            return property != null && "1".equals(p.get(property));
        } catch (PartException e) {
            return false;
        }
    }

    /** The line under the part's name: its kind, and an I2C device's address. */
    static String detail(Part p) {
        String spec = p.describe();
        return switch (p.type()) {
            case LED -> "LED" + ("low".equals(SchematicPart.key(spec, "active")) ? " (active low)" : "");
            case BUTTON -> "button";
            case SWITCH -> "switch";
            case PULL_UP -> "pull-up";
            case PULL_DOWN -> "pull-down";
            case CLOCK -> "clock";
            case WIRE -> "wire " + SchematicPart.key(spec, "from") + "\u2192" + SchematicPart.key(spec, "to");
            case ENCODER -> "encoder";
            case LM75 -> "LM75 " + SchematicPart.key(spec, "addr");
            case EEPROM_24C02 -> "24C02 " + SchematicPart.key(spec, "addr");
            case REGS -> "regs " + SchematicPart.key(spec, "addr");
        };
    }

    static String tooltip(Part p) {
        String how = switch (p.type()) {
            case BUTTON -> "\nHold the mouse button down on it to press it.";
            case SWITCH -> "\nClick it to flip it.";
            default -> "";
        };
        return p.name() + ": " + p.type().word() + " " + p.describe() + how
                + "\nSelect it to edit it in the Properties view; right-click to delete it.";
    }
}
