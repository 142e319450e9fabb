package io.vgpio.core.qmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A QEMU stand-in on a UNIX socket: greets, answers {@code qmp_capabilities}, {@code stop}, {@code cont} and
 * {@code query-status} as QEMU does (with an event before the answer now and then), and records the commands. A
 * test can make it greet with anything (garbage, a message too deep or too long) or refuse a command.
 */
final class FakeQmpServer implements AutoCloseable {
    final List<String> commands = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile String greeting = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 9}},"
            + " \"capabilities\": [\"oob\"]}}";
    volatile String refuse = "";
    private volatile String status = "running";
    private final ServerSocketChannel server;
    private final Thread thread;
    private volatile SocketChannel current;

    FakeQmpServer(Path path) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        thread = new Thread(this::acceptLoop, "fake-qmp");
        thread.setDaemon(true);
        thread.start();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept()) {
                current = c;
                connections.incrementAndGet();
                serve(c);
            } catch (IOException e) {
                // the client went away, or the server closed: take the next
            }
        }
    }

    private void serve(SocketChannel c) throws IOException {
        OutputStream out = Channels.newOutputStream(c);
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c),
                StandardCharsets.UTF_8));
        send(out, greeting);
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.replaceAll(".*\"execute\": \"([^\"]*)\".*", "$1");
            commands.add(command);
            if (command.equals(refuse)) {
                send(out, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"not now\"}}");
                continue;
            }
            switch (command) {
                case "stop" -> {
                    status = "paused";
                    send(out, "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"STOP\"}");
                    send(out, "{\"return\": {}}");
                }
                case "cont" -> {
                    status = "running";
                    send(out, "{\"return\": {}}");
                }
                case "query-status" -> send(out, "{\"return\": {\"status\": \"" + status
                        + "\", \"singlestep\": false, \"running\": " + status.equals("running") + "}}");
                default -> send(out, "{\"return\": {}}");
            }
        }
    }

    private static void send(OutputStream out, String message) throws IOException {
        out.write((message + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The commands other than the heartbeat's query-status. */
    List<String> actions() {
        return commands.stream().filter(c -> !c.equals("query-status")).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
        SocketChannel c = current;
        if (c != null) {
            c.close(); // QEMU quitting closes the session too
        }
    }
}
