package io.vgpio.ui.guest;

import java.nio.file.Path;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** The guest options Run Guest... remembers between runs (instance preferences of io.vgpio.ui, "guest.*"). */
public final class GuestPreferences {
    private static final String NODE = "io.vgpio.ui";
    private static final String SCRIPT = "guest.script";
    private static final String SHELL_AFTER = "guest.shellAfterScript";
    private static final String KERNEL = "guest.kernel";
    private static final String INITRD = "guest.initrd";
    private static final String QEMU_ARGS = "guest.qemuArguments";

    private GuestPreferences() {
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** The stored options; by default a shell on the project's guest. */
    public static GuestOptions load() {
        IEclipsePreferences p = node();
        try {
            return new GuestOptions(path(p.get(SCRIPT, "")), p.getBoolean(SHELL_AFTER, false),
                    path(p.get(KERNEL, "")), path(p.get(INITRD, "")),
                    GuestOptions.splitArguments(p.get(QEMU_ARGS, "")));
        } catch (IllegalArgumentException e) {
            ILog.of(GuestPreferences.class).warn("stored guest options are not valid, using the defaults: "
                    + e.getMessage());
            return GuestOptions.shell();
        }
    }

    public static void save(GuestOptions o) {
        IEclipsePreferences p = node();
        p.put(SCRIPT, text(o.script()));
        p.putBoolean(SHELL_AFTER, o.shellAfterScript());
        p.put(KERNEL, text(o.kernel()));
        p.put(INITRD, text(o.initrd()));
        p.put(QEMU_ARGS, GuestOptions.joinArguments(o.qemuArguments()));
        try {
            p.flush();
        } catch (BackingStoreException e) {
            ILog.of(GuestPreferences.class).error("cannot store the guest options", e);
        }
    }

    private static Path path(String s) {
        return s.isBlank() ? null : Path.of(s.strip());
    }

    private static String text(Path p) {
        return p == null ? "" : p.toString();
    }
}
