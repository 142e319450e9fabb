package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import io.vgpio.core.sockets.KernelFileSystems;
import io.vgpio.core.sockets.PrivateBind;
import io.vgpio.core.sockets.SocketDirectory;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can reach the device's sockets: probe findings F3 and F4 of issue 10, and socket paths of F10. */
class SocketFilesTest {

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("F3: a socket is made where only its user can reach it, and appears at its path already 0600")
    void f3_control_socket_is_never_reachable_by_others(@TempDir Path dir) throws Exception {
        // bind(2) gives the socket 0777 minus the umask: under umask 000 anyone could connect until a chmod.
        // The only moment the mode can be wrong is right after bind, so that is where the test looks.
        Path target = dir.resolve("ctl.sock");
        List<String> seen = new ArrayList<>();
        int ownUid = SocketDirectory.ownUid();
        ServerSocketChannel s = PrivateBind.bind(target, at -> {
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(at));
            return ch;
        }, ch -> {
        }, bound -> {
            try {
                Path holder = bound.getParent();
                seen.add("holder mode " + Integer.toOctalString(mode(holder)));
                seen.add("holder owner is the user " + (ownUid == (Integer) Files.getAttribute(holder, "unix:uid")));
                seen.add("holder is inside the target's directory " + holder.getParent().equals(dir));
                seen.add("nothing at the target yet " + !Files.exists(target, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) {
                seen.add(e.toString());
            }
        });
        try (s) {
            assertEquals(List.of("holder mode 700", "holder owner is the user true",
                    "holder is inside the target's directory true", "nothing at the target yet true"), seen,
                    "right after bind, the socket is in a directory no one else can enter");
            assertEquals(0600, mode(target));
            assertEquals(List.of("ctl.sock"), names(dir), "the private directory is gone");
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(target))) {
                assertTrue(c.isConnected(), "the socket serves under its final name");
            }
        }
    }

    @Test
    @DisplayName("F3: the control server's socket is 0600 and leaves nothing else in its directory")
    void f3_control_server_binds_privately(@TempDir Path dir) throws Exception {
        Chip chip = new Chip(DeviceConfig.builder().lines(1).build(), new EventLog(16));
        Path path = dir.resolve("run").resolve("gpio.sock.ctl");
        try (ControlServer server = new ControlServer(path, chip, () -> "none")) {
            server.start();
            assertEquals(0600, mode(path));
            assertEquals(0700, mode(path.getParent()), "a directory it creates is private");
            assertEquals(List.of("gpio.sock.ctl"), names(path.getParent()));
        }
    }

    @Test
    @DisplayName("F4: vgpio's own socket directory must belong to the user and be writable by no one else")
    void f4_a_socket_directory_others_control_is_refused() {
        Path d = Path.of("/tmp/vgpio-alice");
        String foreign = SocketDirectory.problem(d, 1000, 1001, 040777, true);
        assertNotNull(foreign);
        assertTrue(foreign.contains("belongs to another user (uid 1001)") && foreign.contains("remove it"), foreign);
        String open = SocketDirectory.problem(d, 1000, 1000, 040777, true);
        assertTrue(open.contains("has mode 0777") && open.contains("chmod 700 /tmp/vgpio-alice"), open);
        assertNotNull(SocketDirectory.problem(d, 1000, 1000, 040770, true), "group-writable is refused too");
        assertNull(SocketDirectory.problem(d, 1000, 1000, 040700, true));
        // a directory the user chose: /tmp itself (root's, sticky) is fine, a world-writable one without the sticky
        // bit or another user's is not
        assertNull(SocketDirectory.problem(Path.of("/tmp"), 1000, 0, 041777, false));
        assertNotNull(SocketDirectory.problem(Path.of("/srv/shared"), 1000, 1000, 040777, false));
        assertNotNull(SocketDirectory.problem(Path.of("/home/bob"), 1000, 1001, 040755, false));
    }

    @Test
    @DisplayName("F4: a real socket directory that anyone can write to is refused before any socket is made")
    void f4_a_world_writable_socket_directory_is_refused(@TempDir Path dir) throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> SocketDirectory.prepare(open));
        assertTrue(e.getMessage().contains("has mode 0777: anyone can write to it"), e.getMessage());
        Chip chip = new Chip(DeviceConfig.builder().lines(1).build(), new EventLog(16));
        try (ControlServer server = new ControlServer(open.resolve("c.sock"), chip, () -> "none")) {
            assertThrows(IOException.class, server::start);
        }
        assertEquals(List.of(), names(open), "no socket was made there");
    }

    @Test
    @DisplayName("F4: socket directories are created with mode 0700")
    void f4_socket_directories_are_created_private(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("a").resolve("b");
        SocketDirectory.prepare(d);
        assertEquals(0700, mode(d));
        assertEquals(0700, mode(d.getParent()));
    }

    @Test
    @DisplayName("F10: a socket under /proc or under a regular file is named as such")
    void f10_unusable_socket_directories_say_why(@TempDir Path dir) throws Exception {
        String proc = SocketDirectory.check(Path.of("/proc/vgpio"));
        assertTrue(proc.contains("/proc is on the kernel's proc file system"), proc);
        assertNotNull(KernelFileSystems.problem(Path.of("/proc"), "x"));
        assertNull(KernelFileSystems.problem(dir, "x"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        String under = SocketDirectory.check(file.resolve("sub"));
        assertTrue(under.contains(file + " is a file, not a directory"), under);
        assertTrue(SocketDirectory.check(file).contains("is a file, not a directory"));
    }

    @Test
    @DisplayName("F10: a socket path too long to bind is refused naming the path")
    void f10_a_too_long_socket_path_names_itself(@TempDir Path dir) {
        Path longPath = dir.resolve("x".repeat(PrivateBind.MAX_PATH_BYTES));
        IOException e = assertThrows(IOException.class, () -> PrivateBind.bind(longPath, at -> {
            throw new AssertionError("never bound");
        }, x -> {
        }));
        assertTrue(e.getMessage().contains(longPath + " is too long"), e.getMessage());
        assertFalse(Files.exists(longPath));
    }
}
