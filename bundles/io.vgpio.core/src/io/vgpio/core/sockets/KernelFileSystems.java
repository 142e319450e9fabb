package io.vgpio.core.sockets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Recognises the kernel's own file systems (/proc, /sys, ...), which hold no user files or sockets: creating one
 * there fails with an errno (ENOENT, EACCES) that does not say why, so the command line names the place instead.
 */
public final class KernelFileSystems {
    private static final Set<String> KERNEL_TYPES = Set.of("proc", "sysfs", "cgroup", "cgroup2", "devpts", "debugfs",
            "tracefs", "securityfs", "configfs", "bpf", "pstore", "efivarfs", "fusectl", "mqueue", "binfmt_misc");

    private KernelFileSystems() {
    }

    /**
     * Why {@code what} cannot be made in {@code dir} (or its nearest existing ancestor) because that is a kernel
     * file system, or null.
     */
    public static String problem(Path dir, String what) throws IOException {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return null;
        }
        String type = Files.getFileStore(existing).type();
        if (!KERNEL_TYPES.contains(type)) {
            return null;
        }
        return what + " cannot be made in " + dir.toAbsolutePath() + ": " + existing + " is on the kernel's " + type
                + " file system, which holds no files of users; choose a path under /tmp, $XDG_RUNTIME_DIR or your"
                + " home directory";
    }
}
