package io.vgpio.ui.schematic.properties;

import io.vgpio.core.Chip;
import io.vgpio.core.LineState;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * A line in the Properties view, read-only, each value read when the sheet asks: from the live chip, or from any
 * source of the line's state (a trace at its scrub time).
 */
public final class LinePropertySource extends ReadOnlyPropertySource {
    public static final String NUMBER = "number";
    public static final String NAME = "name";
    public static final String DIRECTION = "direction";
    public static final String LEVEL = "level";
    public static final String OUTPUT_VALUE = "outputValue";
    public static final String INPUT_LEVEL = "inputLevel";
    public static final String IRQ_TYPE = "irqType";
    public static final String ARMED = "armed";
    public static final String LATCHED = "latched";
    public static final String HARDWARE = "hardware";

    /** id, name (short, to fit the Properties view's first column), category, description (the detail). */
    private static final String[][] PROPERTIES = {
        {NUMBER, "Number", "Line", "The line's offset on the chip"},
        {NAME, "Name", "Line", "The line's name (gpio-line-names)"},
        {DIRECTION, "Direction", "Line", "Input or output, as the guest set it"},
        {LEVEL, "Level", "Signal levels", "The level as the guest reads it"},
        {OUTPUT_VALUE, "Output", "Signal levels", "The value the guest drives on an output"},
        {INPUT_LEVEL, "Input", "Signal levels", "The level the host drives into an input"},
        {IRQ_TYPE, "IRQ type", "Trigger (IRQ)", "The edges or level that raise an interrupt"},
        {ARMED, "Armed", "Trigger (IRQ)", "The guest's interrupt buffer is held (unmasked)"},
        {LATCHED, "Latched", "Trigger (IRQ)", "An edge arrived while not armed and waits"},
        {HARDWARE, "Bound to", "Hardware", "The physical line this line is bound to"},
    };

    private final Supplier<LineState> state;
    private final int line;

    private final IntFunction<String> hardware;

    public LinePropertySource(Chip chip, int line) {
        this(() -> chip.state(line), line, l -> null);
    }

    /**
     * @param hardware describes a line's hardware binding, null or "" when it has none
     */
    public LinePropertySource(Supplier<LineState> state, int line, IntFunction<String> hardware) {
        this.state = state;
        this.line = line;
        this.hardware = hardware;
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        IPropertyDescriptor[] descriptors = new IPropertyDescriptor[PROPERTIES.length];
        for (int i = 0; i < PROPERTIES.length; i++) {
            PropertyDescriptor d = new PropertyDescriptor(PROPERTIES[i][0], PROPERTIES[i][1]);
            d.setCategory(PROPERTIES[i][2]);
            d.setDescription(PROPERTIES[i][3]);
            d.setAlwaysIncompatible(true);
            descriptors[i] = d;
        }
        return descriptors;
    }

    @Override
    public Object getPropertyValue(Object id) {
        LineState s = state.get();
        return switch ((String) id) {
            case NUMBER -> Integer.toString(s.line());
            case NAME -> s.name().isEmpty() ? "(unnamed)" : s.name();
            case DIRECTION -> s.direction().word();
            case LEVEL -> Integer.toString(s.level());
            case OUTPUT_VALUE -> Integer.toString(s.outputValue());
            case INPUT_LEVEL -> Integer.toString(s.inputLevel());
            case IRQ_TYPE -> s.irqType().word();
            case ARMED -> Boolean.toString(s.armed());
            case LATCHED -> Boolean.toString(s.latched());
            case HARDWARE -> {
                String b = hardware.apply(line);
                yield b == null || b.isEmpty() ? "(not bound)" : b;
            }
            default -> null;
        };
    }
}
