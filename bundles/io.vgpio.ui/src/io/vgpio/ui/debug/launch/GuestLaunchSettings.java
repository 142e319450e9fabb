package io.vgpio.ui.debug.launch;

import io.vgpio.ui.guest.GuestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/**
 * What a "QEMU Guest with vGPIO" launch configuration holds: kernel, initrd, kernel command line, extra QEMU
 * arguments, TCG or KVM, a device configuration file, and whether the device talks to QEMU's QMP. Read from and
 * written to the configuration's attributes, turned into the {@link GuestOptions} run-guest.sh is started with.
 *
 * @param kernel        the user's kernel, or "" for the project's guest
 * @param initrd        the user's initrd, or ""
 * @param append        more kernel command line, or ""
 * @param qemuArguments extra QEMU arguments as one line (split as a shell would, see {@link GuestOptions})
 * @param kvm           KVM when it works, else TCG
 * @param deviceConfig  a device configuration file the device is (re)started with, or "" for the serving one
 * @param qmp           give QEMU a QMP socket and connect the device to it (pause-guest breakpoints, Suspend)
 */
public record GuestLaunchSettings(String kernel, String initrd, String append, String qemuArguments, boolean kvm,
        String deviceConfig, boolean qmp) {
    static final String PREFIX = "io.vgpio.launch.";
    static final String KERNEL = PREFIX + "kernel";
    static final String INITRD = PREFIX + "initrd";
    static final String APPEND = PREFIX + "append";
    static final String QEMU_ARGS = PREFIX + "qemuArguments";
    static final String KVM = PREFIX + "kvm";
    static final String DEVICE_CONFIG = PREFIX + "deviceConfig";
    static final String QMP = PREFIX + "qmp";

    /** A new configuration's: the project's guest under TCG, with QMP. */
    public static GuestLaunchSettings defaults() {
        return new GuestLaunchSettings("", "", "", "", false, "", true);
    }

    public static GuestLaunchSettings read(ILaunchConfiguration c) throws CoreException {
        GuestLaunchSettings d = defaults();
        return new GuestLaunchSettings(c.getAttribute(KERNEL, d.kernel), c.getAttribute(INITRD, d.initrd),
                c.getAttribute(APPEND, d.append), c.getAttribute(QEMU_ARGS, d.qemuArguments),
                c.getAttribute(KVM, d.kvm), c.getAttribute(DEVICE_CONFIG, d.deviceConfig), c.getAttribute(QMP, d.qmp));
    }

    public void write(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(KERNEL, kernel);
        c.setAttribute(INITRD, initrd);
        c.setAttribute(APPEND, append);
        c.setAttribute(QEMU_ARGS, qemuArguments);
        c.setAttribute(KVM, kvm);
        c.setAttribute(DEVICE_CONFIG, deviceConfig);
        c.setAttribute(QMP, qmp);
    }

    /** Why these settings cannot launch, or null when they can. */
    public String problem() {
        try {
            GuestOptions.splitArguments(qemuArguments);
        } catch (IllegalArgumentException e) {
            return "Extra QEMU arguments: " + e.getMessage();
        }
        if (!deviceConfig.isBlank() && !Files.isReadable(Path.of(deviceConfig))) {
            return "Device configuration " + deviceConfig + " is not a readable file.";
        }
        return options(null).problem();
    }

    /**
     * run-guest.sh's options: an interactive shell on the Device Console, the user's kernel or the project's.
     *
     * @param qmpSocket QEMU's QMP socket, or null for none
     */
    public GuestOptions options(Path qmpSocket) {
        List<String> args = new ArrayList<>(GuestOptions.splitArguments(qemuArguments));
        if (qmpSocket != null) {
            args.addAll(List.of("-qmp", "unix:" + qmpSocket + ",server=on,wait=off"));
        }
        return new GuestOptions(null, false, path(kernel), path(initrd), args, append, kvm);
    }

    private static Path path(String p) {
        return p == null || p.isBlank() ? null : Path.of(p.strip());
    }
}
