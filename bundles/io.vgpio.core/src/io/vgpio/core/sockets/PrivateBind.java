package io.vgpio.core.sockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * Binds a listening UNIX socket so that its file appears at its path already with mode 0600: there is no moment
 * at which another user can connect to it.
 * <p>
 * bind(2) creates the socket file with mode 0777 minus the umask, so under umask 000 a bind followed by chmod leaves
 * a window in which anyone can connect (and keep the connection after the chmod). Setting the umask around bind
 * would close it, but the umask belongs to the whole process: every other thread creating a file meanwhile (the
 * trace recorder, the workbench) would get the wrong mode, and the JDK has no call for it anyway. Instead the
 * socket is bound inside a fresh directory that only this user can enter (mkdir with mode 0700, which the umask can
 * only narrow), chmod-ed to 0600 there, and then renamed to its path: rename(2) is atomic, and a bound socket keeps
 * working under its new name.
 */
public final class PrivateBind {
    /** The longest path a UNIX socket address holds (sun_path is 108 bytes, one of them the terminating NUL). */
    public static final int MAX_PATH_BYTES = 107;
    /** What the private directory adds to the socket's directory: "/.vNNNN/s". */
    private static final int PRIVATE_SUFFIX_BYTES = "/.v0000/s".length();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Binds a socket at a path and returns what stands for it. */
    @FunctionalInterface
    public interface Binder<T> {
        T bind(Path at) throws IOException;
    }

    /** Closes what a {@link Binder} returned, when the socket could not be moved into place. */
    @FunctionalInterface
    public interface Closer<T> {
        void close(T bound);
    }

    private PrivateBind() {
    }

    /**
     * The number of bytes the binding needs for a socket at {@code target}: the longer of its own path and the
     * path it is bound at first. Above {@link #MAX_PATH_BYTES} the socket cannot be made.
     */
    public static int pathBytes(Path target) {
        Path abs = target.toAbsolutePath();
        int own = abs.toString().getBytes(StandardCharsets.UTF_8).length;
        Path dir = abs.getParent();
        int first = (dir == null ? 0 : dir.toString().getBytes(StandardCharsets.UTF_8).length) + PRIVATE_SUFFIX_BYTES;
        return Math.max(own, first);
    }

    /** Binds with {@code binder} so that the socket appears at {@code target} with mode 0600. */
    public static <T> T bind(Path target, Binder<T> binder, Closer<T> closer) throws IOException {
        return bind(target, binder, closer, bound -> {
        });
    }

    /**
     * As {@link #bind(Path, Binder, Closer)}; {@code afterBind} sees the socket file right after bind, before its
     * mode is set (tests check that no one else could reach it then).
     */
    public static <T> T bind(Path target, Binder<T> binder, Closer<T> closer, Consumer<Path> afterBind)
            throws IOException {
        Path abs = target.toAbsolutePath();
        int bytes = pathBytes(abs);
        if (bytes > MAX_PATH_BYTES) {
            throw new IOException("the socket path " + abs + " is too long: binding it takes " + bytes
                    + " bytes and a UNIX socket path holds at most " + MAX_PATH_BYTES + "; choose a shorter path");
        }
        Path privateDir = createPrivateDirectory(abs.getParent());
        Path first = privateDir.resolve("s");
        try {
            T bound = binder.bind(first);
            try {
                afterBind.accept(first);
                Files.setPosixFilePermissions(first, PosixFilePermissions.fromString("rw-------"));
                Files.move(first, abs, StandardCopyOption.ATOMIC_MOVE);
                return bound;
            } catch (IOException | RuntimeException e) {
                closer.close(bound);
                throw e;
            }
        } finally {
            Files.deleteIfExists(first);
            Files.deleteIfExists(privateDir);
        }
    }

    private static Path createPrivateDirectory(Path dir) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path p = dir.resolve(String.format(".v%04x", RANDOM.nextInt(0x10000)));
            try {
                return Files.createDirectory(p,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw new IOException("cannot create a private directory to bind a socket in " + dir
                            + ": 100 names were taken; remove the .v* directories left there", e);
                }
            }
        }
    }
}
