package io.vgpio.ui.schematic.properties;

import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.PartType;
import io.vgpio.ui.schematic.PartEdits;
import io.vgpio.ui.schematic.SchematicPart;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;

/**
 * A simulated part in the Properties view. "Settings" are the keys of its spec (line, pull, active level,
 * bounce, address...): changing one makes the part again with that key, as {@code part del} and {@code part add}
 * would. "State" is what the part is now, read and set as {@code part get/set} do: an LM75's temperature, an
 * LED's light, an EEPROM's bytes (sixteen a row, in hex; a row can be edited).
 */
public final class PartPropertySource implements IPropertySource {
    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String KEY = "key:";
    public static final String STATE = "state:";
    public static final String ROW = "row:";
    private static final String[] ACTIVE = {"high", "low"};
    private static final String[] CONTACT_PULL = {"up", "down"};
    private static final String[] BUS_PULL = {"up", "none"};

    private final SchematicPart model;

    public PartPropertySource(SchematicPart model) {
        this.model = model;
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> d = new ArrayList<>();
        d.add(describe(new PropertyDescriptor(NAME, "Name"), "Part", "The part's name, as the part command uses it"));
        d.add(describe(new PropertyDescriptor(TYPE, "Type"), "Part", "The kind of part"));
        boolean live = model.diagram().drivable();
        for (String key : keys()) {
            String[] choices = choices(key);
            PropertyDescriptor p = !live ? new PropertyDescriptor(KEY + key, key)
                    : choices != null ? new ComboBoxPropertyDescriptor(KEY + key, key, choices)
                    : new TextPropertyDescriptor(KEY + key, key);
            d.add(describe(p, "Settings", "The spec's " + key + "=; changing it makes the part again"));
        }
        for (String property : stateProperties()) {
            PropertyDescriptor p = live && !readOnly(property) ? new TextPropertyDescriptor(STATE + property, property)
                    : new PropertyDescriptor(STATE + property, property);
            d.add(describe(p, "State", "part get/set " + model.name() + " " + property));
        }
        if (model.type() == PartType.EEPROM_24C02) {
            for (int row = 0; row < 256; row += 16) {
                String id = ROW + String.format("0x%02x", row);
                PropertyDescriptor p = live ? new TextPropertyDescriptor(id, String.format("0x%02x", row))
                        : new PropertyDescriptor(id, String.format("0x%02x", row));
                d.add(describe(p, "Bytes", "Sixteen bytes from this address, in hex"));
            }
        }
        return d.toArray(IPropertyDescriptor[]::new);
    }

    private static PropertyDescriptor describe(PropertyDescriptor p, String category, String description) {
        p.setCategory(category);
        p.setDescription(description);
        p.setAlwaysIncompatible(true);
        return p;
    }

    /** The spec's keys, with those a part may lack (a button's bounce) and without the LM75's live temperature. */
    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String kv : model.spec().trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && !(model.type() == PartType.LM75 && kv.startsWith("temp="))) {
                keys.add(kv.substring(0, eq));
            }
        }
        if (model.type() == PartType.BUTTON && !keys.contains("bounce")) {
            keys.add("bounce");
        }
        return keys;
    }

    private String[] choices(String key) {
        return switch (key) {
            case "active" -> ACTIVE;
            case "pull" -> isBus() ? BUS_PULL : CONTACT_PULL;
            default -> null;
        };
    }

    private boolean isBus() {
        return model.type() == PartType.LM75 || model.type() == PartType.EEPROM_24C02 || model.type() == PartType.REGS;
    }

    private List<String> stateProperties() {
        return switch (model.type()) {
            case LED -> List.of("on");
            case BUTTON -> List.of("pressed");
            case SWITCH -> List.of("on");
            case CLOCK -> List.of("running");
            case LM75 -> List.of("temp");
            case ENCODER -> List.of("position");
            default -> List.of();
        };
    }

    private static boolean readOnly(String property) {
        return property.equals("on") || property.equals("position");
    }

    @Override
    public Object getPropertyValue(Object id) {
        String s = (String) id;
        Part p = model.part();
        if (s.equals(NAME)) {
            return model.name();
        }
        if (s.equals(TYPE)) {
            return model.type().word();
        }
        if (p == null) {
            return "(deleted)";
        }
        try {
            if (s.startsWith(KEY)) {
                String key = s.substring(KEY.length());
                String value = SchematicPart.key(p.describe(), key);
                String[] choices = choices(key);
                return choices == null || !model.diagram().drivable() ? (value == null ? "" : value)
                        : Math.max(0, List.of(choices).indexOf(value));
            }
            if (s.startsWith(STATE)) {
                return p.get(s.substring(STATE.length()));
            }
            if (s.startsWith(ROW)) {
                return EepromRows.read(p, Integer.decode(s.substring(ROW.length())));
            }
        } catch (PartException e) {
            return e.getMessage();
        }
        return null;
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        String s = (String) id;
        try {
            Part p = model.part();
            if (p == null || !model.diagram().drivable()) {
                return;
            }
            if (s.startsWith(KEY)) {
                String key = s.substring(KEY.length());
                String[] choices = choices(key);
                String text = choices != null && value instanceof Integer i ? choices[i] : String.valueOf(value);
                PartEdits.setKey(model.diagram().parts(), model.name(), key, text);
            } else if (s.startsWith(STATE)) {
                p.set(s.substring(STATE.length()), String.valueOf(value).trim());
            } else if (s.startsWith(ROW)) {
                EepromRows.write(p, Integer.decode(s.substring(ROW.length())), String.valueOf(value));
            }
        } catch (PartException e) {
            Display d = Display.getCurrent();
            if (d != null && d.getActiveShell() != null) {
                MessageDialog.openError(d.getActiveShell(), "Part " + model.name(), e.getMessage());
            }
        }
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
    }
}
