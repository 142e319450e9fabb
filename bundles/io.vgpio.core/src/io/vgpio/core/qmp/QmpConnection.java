package io.vgpio.core.qmp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One QMP session with QEMU over its UNIX socket: the greeting, {@code qmp_capabilities}, then one command at a
 * time. Messages are JSON objects, one a line; asynchronous events (STOP, RESUME, ...) that arrive before a
 * command's answer are skipped. A line longer than {@link #MAX_LINE_BYTES} or one that is not a QMP message ends
 * the session with a {@link QmpException}. Blocking; used by one thread ({@link QmpClient}'s).
 */
final class QmpConnection implements AutoCloseable {
    /** Far more than any answer we ask for (query-status is ~60 bytes); bounds what a broken peer costs. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private QmpConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects, reads the greeting and leaves capabilities negotiation mode. */
    static QmpConnection open(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        QmpConnection c = new QmpConnection(ch);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            if (!c.read().containsKey("QMP")) {
                throw new QmpException("the socket " + socket + " did not greet with QMP");
            }
            c.execute("qmp_capabilities");
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Runs a command without arguments.
     *
     * @return the answer's {@code return} member (an object for the commands we use; empty for stop and cont)
     * @throws QmpException on an {@code error} answer, with QEMU's description
     */
    Object execute(String command) throws IOException {
        out.write(("{\"execute\": " + QmpJson.quote(command) + "}\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            Map<String, Object> m = read();
            if (m.containsKey("return")) {
                return m.get("return");
            }
            if (m.get("error") instanceof Map<?, ?> error) {
                throw new QmpException("QEMU refused " + command + ": " + error.get("desc"), true);
            }
            if (!m.containsKey("event")) {
                throw new QmpException("QEMU answered " + command + " with neither return, error nor event");
            }
        }
    }

    private Map<String, Object> read() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new QmpException("QEMU closed the QMP socket");
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new QmpException("a QMP message longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        Object v = QmpJson.parse(line.toString(StandardCharsets.UTF_8));
        if (!(v instanceof Map<?, ?>)) {
            throw new QmpException("a QMP message that is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
