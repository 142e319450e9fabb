package io.vgpio.app.cli;

import io.vgpio.core.sockets.KernelFileSystems;
import io.vgpio.core.sockets.PrivateBind;
import io.vgpio.core.sockets.SocketDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the paths {@code vgpio serve} will create before anything is made, so that a path that cannot work is one
 * message naming the option, the problem and the fix (exit code 2) rather than an errno from deep inside, or an
 * error reported against the other socket.
 */
final class ServePaths {
    private ServePaths() {
    }

    /** The control socket needs a path of its own. */
    static void checkControl(Path socket, Path control) throws UsageException {
        if (socket.toAbsolutePath().normalize().equals(control.toAbsolutePath().normalize())) {
            throw new UsageException("vgpio serve: --control and --socket are the same path " + socket
                    + "; the control socket needs a path of its own (leave --control out for the socket path + .ctl).");
        }
    }

    /**
     * A socket's path fits a UNIX socket address and its directory is one vgpio can use safely.
     *
     * @param given whether the user gave the path (else it is the default, and the message says so)
     */
    static void checkSocket(Path socket, String option, String what, boolean given) throws UsageException {
        int bytes = PrivateBind.pathBytes(socket);
        if (bytes > PrivateBind.MAX_PATH_BYTES) {
            String fix = option.equals("--control") ? "choose a shorter --control path (without --control it is the"
                    + " --socket path + .ctl, so a shorter --socket path does too)" : "choose a shorter --socket path";
            throw new UsageException("vgpio serve: the " + what + " path " + socket.toAbsolutePath()
                    + " is too long: binding it takes " + bytes + " bytes and a UNIX socket path holds at most "
                    + PrivateBind.MAX_PATH_BYTES + "; " + fix + ".");
        }
        Path dir = socket.toAbsolutePath().getParent();
        String problem;
        try {
            problem = SocketDirectory.check(dir);
        } catch (IOException e) {
            problem = "cannot look at the socket directory " + dir + " (" + e.getMessage() + ")";
        }
        if (problem != null) {
            throw new UsageException("vgpio serve: " + (given ? option : "the default " + what) + " " + socket + ": "
                    + problem + ".");
        }
    }

    /** The recording can be created where it is asked for. */
    static void checkRecord(Path record) throws UsageException {
        Path dir = record.toAbsolutePath().getParent();
        String problem;
        try {
            problem = KernelFileSystems.problem(dir, "the --record file " + record);
        } catch (IOException e) {
            problem = "cannot look at the directory " + dir + " (" + e.getMessage() + ")";
        }
        if (problem != null) {
            throw new UsageException("vgpio serve: " + problem + ".");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("vgpio serve: the --record file " + record + " cannot be made: " + dir
                    + " is a file, not a directory; record into a directory.");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("vgpio serve: the directory of the --record file " + record
                    + " does not exist; create it or record elsewhere.");
        }
        if (Files.isDirectory(record)) {
            throw new UsageException("vgpio serve: the --record file " + record
                    + " is a directory; give a file name inside it, e.g. " + record.resolve("session.trc") + ".");
        }
    }
}
