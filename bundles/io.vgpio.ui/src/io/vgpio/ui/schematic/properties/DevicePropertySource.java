package io.vgpio.ui.schematic.properties;

import io.vgpio.core.DeviceConfig;
import io.vgpio.session.DeviceSession;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * The device in the Properties view when no line is selected: its configuration and, for the live device, its
 * sockets and the QEMU command line (the Properties view's Copy copies a selected value).
 */
public final class DevicePropertySource extends ReadOnlyPropertySource {
    private final DeviceConfig config;
    private final DeviceSession host;

    public DevicePropertySource(DeviceSession host) {
        this.config = host.config();
        this.host = host;
    }

    /** A device without sockets: an opened trace's. */
    public DevicePropertySource(DeviceConfig config) {
        this.config = config;
        this.host = null;
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        IPropertyDescriptor[] device = {
            new PropertyDescriptor("device", "Device"),
            new PropertyDescriptor("ngpio", "Lines (ngpio)"),
            new PropertyDescriptor("irq", "Interrupts (VIRTIO_GPIO_F_IRQ)"),
        };
        if (host == null) {
            return device;
        }
        return new IPropertyDescriptor[] {device[0], device[1], device[2],
            new PropertyDescriptor("socket", "vhost-user socket"),
            new PropertyDescriptor("control", "Control socket"),
            new PropertyDescriptor("qemu", "QEMU command line"),
        };
    }

    @Override
    public Object getPropertyValue(Object id) {
        return switch ((String) id) {
            case "device" -> "virtio-gpio";
            case "ngpio" -> Integer.toString(config.lines());
            case "irq" -> config.irq() ? "offered" : "not offered";
            case "socket" -> host.socketPath().toString();
            case "control" -> host.control() == null ? "(none)" : host.control().path().toString();
            case "qemu" -> host.qemuCommandLine();
            default -> null;
        };
    }
}
