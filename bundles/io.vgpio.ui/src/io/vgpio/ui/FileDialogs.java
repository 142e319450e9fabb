package io.vgpio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.FileDialog;

/**
 * Where file dialogs start: the folder last used in any of them, else the user's home. Without a filter path GTK
 * opens in the process's working directory, which for a workbench started from a checkout is the source tree.
 */
public final class FileDialogs {
    private static final String NODE = "io.vgpio.ui";
    private static final String LAST_FOLDER = "files.lastFolder";

    private FileDialogs() {
    }

    /** Opens the dialog in {@link #startFolder()} and remembers the chosen file's folder; null if cancelled. */
    public static String open(FileDialog dialog) {
        dialog.setFilterPath(startFolder().toString());
        String chosen = dialog.open();
        if (chosen != null) {
            remember(Path.of(chosen));
        }
        return chosen;
    }

    /** The folder the next dialog starts in. */
    public static Path startFolder() {
        return startFolder(prefs().get(LAST_FOLDER, null), Path.of(System.getProperty("user.home")));
    }

    /** The remembered folder if it still exists, else home: a folder deleted since is no place to start. */
    public static Path startFolder(String remembered, Path home) {
        if (remembered != null && !remembered.isBlank()) {
            Path p = Path.of(remembered);
            if (p.isAbsolute() && Files.isDirectory(p)) {
                return p;
            }
        }
        return home;
    }

    /** Remembers the folder of a chosen file (or the folder itself, when a folder was chosen). */
    public static void remember(Path chosen) {
        Path folder = Files.isDirectory(chosen) ? chosen : chosen.toAbsolutePath().getParent();
        if (folder != null) {
            IEclipsePreferences p = prefs();
            p.put(LAST_FOLDER, folder.toString());
            try {
                p.flush();
            } catch (org.osgi.service.prefs.BackingStoreException e) {
                // kept in memory for this run; the next run starts at home
            }
        }
    }

    private static IEclipsePreferences prefs() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
