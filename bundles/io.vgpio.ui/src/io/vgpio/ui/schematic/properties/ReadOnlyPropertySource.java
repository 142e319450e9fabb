package io.vgpio.ui.schematic.properties;

import org.eclipse.ui.views.properties.IPropertySource;

/** A property source whose values are shown, never edited: the device's state belongs to the device. */
abstract class ReadOnlyPropertySource implements IPropertySource {

    @Override
    public final boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public final void resetPropertyValue(Object id) {
    }

    @Override
    public final void setPropertyValue(Object id, Object value) {
    }
}
