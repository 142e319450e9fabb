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
            described("device", "Device", "The emulated device"),
            described("ngpio", "Lines", "Number of GPIO lines (the config space's ngpio)"),
            described("irq", "Interrupts", "Whether the device offers VIRTIO_GPIO_F_IRQ"),
        };
        if (host == null) {
            return device;
        }
        return new IPropertyDescriptor[] {device[0], device[1], device[2],
            described("socket", "Socket", "The vhost-user socket QEMU connects to"),
            described("control", "Control", "The control socket for scripts (vgpio ctl)"),
            described("qemu", "QEMU", "The QEMU command line that attaches a guest"),
        };
    }

    /** A short name that fits the Properties view's column; the detail shows in the status line when selected. */
    private static PropertyDescriptor described(String id, String name, String description) {
        PropertyDescriptor d = new PropertyDescriptor(id, name);
        d.setDescription(description);
        return d;
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
