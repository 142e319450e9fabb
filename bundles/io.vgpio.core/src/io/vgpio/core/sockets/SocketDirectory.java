package io.vgpio.core.sockets;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The directory a socket lives in decides who can replace the socket: anyone who can write to it can remove the
 * device's socket and put a listener of their own in its place, so that QEMU and control clients talk to them.
 * This class creates socket directories with mode 0700 and refuses ones that other users control.
 * <ul>
 * <li>vgpio's own directory ({@code $XDG_RUNTIME_DIR/vgpio}, or {@code /tmp/vgpio-USER}, a name anyone can take
 * first in /tmp) must belong to the user and be writable by no one else.</li>
 * <li>A directory the user chose ({@code --socket /tmp/gpio.sock}) must not be writable by others unless it has the
 * sticky bit (as /tmp has: there only a file's owner can remove or rename it), and must belong to the user or to
 * root.</li>
 * </ul>
 */
public final class SocketDirectory {
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int OTHER_WRITE = 0002;
    private static final int STICKY = 01000;

    private SocketDirectory() {
    }

    /**
     * vgpio's own socket directory: {@code $XDG_RUNTIME_DIR/vgpio}, or {@code TMPDIR/vgpio-USER} without a
     * runtime directory.
     */
    public static Path defaultDirectory() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "vgpio");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vgpio-" + System.getProperty("user.name"));
    }

    /**
     * Makes sure the directory of a socket exists (created with mode 0700) and that no other user can replace
     * what is in it.
     *
     * @throws IOException naming the problem and the fix
     */
    public static void prepare(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            create(abs);
        }
        String problem = check(abs);
        if (problem != null) {
            throw new IOException(problem);
        }
    }

    /** What is wrong with an existing socket directory, or null when nothing is (it may also not exist yet). */
    public static String check(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        String kernel = KernelFileSystems.problem(abs, "a socket");
        if (kernel != null) {
            return kernel;
        }
        if (!Files.exists(abs)) {
            Path existing = abs.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null || Files.isDirectory(existing) ? null
                    : "the socket directory " + abs + " cannot be made: " + existing
                            + " is a file, not a directory; choose a socket path in a directory";
        }
        if (!Files.isDirectory(abs)) {
            return "the socket directory " + abs + " is a file, not a directory; choose a socket path in a directory";
        }
        Map<String, Object> a = Files.readAttributes(abs, "unix:uid,mode");
        String problem = problem(abs, ownUid(), (Integer) a.get("uid"), (Integer) a.get("mode"),
                abs.equals(defaultDirectory().toAbsolutePath()));
        if (problem == null && !Files.isWritable(abs)) {
            problem = "the socket directory " + abs + " is not writable by you; choose a socket path in a directory"
                    + " you can write to";
        }
        return problem;
    }

    /**
     * The rule itself, on the directory's owner and mode.
     *
     * @param own true for vgpio's own directory, which must be private to the user
     * @return the problem and its fix, or null
     */
    public static String problem(Path dir, int userUid, int ownerUid, int mode, boolean own) {
        if (own) {
            if (ownerUid != userUid) {
                return "the socket directory " + dir + " belongs to another user (uid " + ownerUid + "), who could"
                        + " replace the device's sockets with their own; remove it (it is vgpio's own directory and"
                        + " is created again with mode 0700), set XDG_RUNTIME_DIR, or choose --socket PATH";
            }
            if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
                return "the socket directory " + dir + " has mode " + octal(mode) + ": other users can write to"
                        + " it and replace the device's sockets; run 'chmod 700 " + dir + "' or remove it";
            }
            return null;
        }
        if (ownerUid != userUid && ownerUid != 0) {
            return "the socket directory " + dir + " belongs to another user (uid " + ownerUid + "), who could"
                    + " replace the device's sockets with their own; choose a socket path in a directory of your own";
        }
        if ((mode & OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
            return "the socket directory " + dir + " has mode " + octal(mode) + ": anyone can write to it and"
                    + " replace the device's sockets; run 'chmod o-w " + dir + "' (or 'chmod +t') or choose a"
                    + " socket path in a directory of your own";
        }
        return null;
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    /** This process's user id: the owner of /proc/self (the JDK has no call for getuid). */
    public static int ownUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static void create(Path dir) throws IOException {
        try {
            // mkdir's mode 0700 can only be narrowed by the umask: the directory is never open to others
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (NotDirectoryException | NoSuchFileException e) {
            throw new IOException(check(dir) != null ? check(dir)
                    : "cannot create the socket directory " + dir + "; choose a socket path in a directory", e);
        } catch (FileSystemException e) {
            String why = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new IOException("cannot create the socket directory " + dir + ": " + why.toLowerCase(java.util.Locale.ROOT)
                    + "; choose a socket path in a directory you can write to", e);
        }
    }
}
