package io.vgpio.ui.schematic.properties;

import io.vgpio.core.DeviceConfig;
import io.vgpio.session.DeviceSession;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/** The device in the Properties view when no line is selected: its configuration. */
public final class DevicePropertySource extends ReadOnlyPropertySource {
    private final DeviceConfig config;

    public DevicePropertySource(DeviceSession host) {
        this(host.config());
    }

    public DevicePropertySource(DeviceConfig config) {
        this.config = config;
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return new IPropertyDescriptor[] {
            new PropertyDescriptor("device", "Device"),
            new PropertyDescriptor("ngpio", "Lines (ngpio)"),
            new PropertyDescriptor("irq", "Interrupts (VIRTIO_GPIO_F_IRQ)"),
        };
    }

    @Override
    public Object getPropertyValue(Object id) {
        return switch ((String) id) {
            case "device" -> "virtio-gpio";
            case "ngpio" -> Integer.toString(config.lines());
            case "irq" -> config.irq() ? "offered" : "not offered";
            default -> null;
        };
    }
}
