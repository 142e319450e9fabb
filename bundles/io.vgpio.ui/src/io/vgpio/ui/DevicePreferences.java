package io.vgpio.ui;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import io.vgpio.session.DeviceSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** The device settings the workbench remembers between runs (Eclipse instance preferences of io.vgpio.ui). */
public final class DevicePreferences {
    private static final String NODE = "io.vgpio.ui";
    private static final String SOCKET = "device.socket";
    private static final String LINES = "device.lines";
    private static final String NAMES = "device.names";
    private static final String IRQ = "device.irq";
    /** Hardware bindings, one "LINE=SPEC" per line of text (LineBinding's form). */
    private static final String BINDINGS = "device.bindings";

    private DevicePreferences() {
    }

    /** Socket and configuration of the device to serve. */
    public record Settings(Path socket, DeviceConfig config) {
        /** The names as a comma-separated list ("" for unnamed lines). */
        public String namesList() {
            List<String> n = new ArrayList<>();
            int last = -1;
            for (int i = 0; i < config.lines(); i++) {
                n.add(config.name(i));
                if (!config.name(i).isEmpty()) {
                    last = i;
                }
            }
            return String.join(",", n.subList(0, last + 1));
        }
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** The stored settings, or the defaults (8 unnamed lines with interrupts, the default socket). */
    public static Settings load() {
        IEclipsePreferences p = node();
        Path socket = Path.of(p.get(SOCKET, DeviceSession.defaultSocket().toString()));
        try {
            DeviceConfig.Builder b = DeviceConfig.builder().origin("preferences").lines(p.getInt(LINES, 8))
                    .namesList(p.get(NAMES, "")).irq(p.getBoolean(IRQ, true));
            for (String entry : p.get(BINDINGS, "").split("\n")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    int line = Integer.parseInt(entry.substring(0, eq).strip());
                    b.bind(line, LineBinding.parse(line, entry.substring(eq + 1), "preferences"));
                }
            }
            DeviceConfig c = b.build();
            return new Settings(socket, c);
        } catch (ConfigException | NumberFormatException e) {
            ILog.of(DevicePreferences.class).warn("stored device settings are not valid, using the defaults: "
                    + e.getMessage());
            return new Settings(socket, DeviceConfig.defaults());
        }
    }

    public static void save(Settings s) {
        IEclipsePreferences p = node();
        p.put(SOCKET, s.socket().toString());
        p.putInt(LINES, s.config().lines());
        p.put(NAMES, s.namesList());
        p.putBoolean(IRQ, s.config().irq());
        StringBuilder bindings = new StringBuilder();
        for (LineBinding b : s.config().bindings().values()) {
            bindings.append(b.line()).append('=').append(b.spec()).append('\n');
        }
        p.put(BINDINGS, bindings.toString());
        try {
            p.flush();
        } catch (BackingStoreException e) {
            Platform.getLog(DevicePreferences.class).error("cannot store the device settings", e);
        }
    }
}
