package io.vgpio.core.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One control client: reads its command lines, runs them in order and writes the answers. What it holds is
 * bounded whatever the client does: one line of at most {@link ControlServer#MAX_LINE_BYTES} and an output buffer
 * of {@link #OUTPUT_BUFFER_CHARS}; a long answer ({@code events}, {@code state}) is written through that buffer
 * as it is formatted, so a client that stops reading blocks only its own thread, in a socket write, holding no
 * lock the device needs.
 */
final class ControlConnection implements Runnable {
    private static final Logger LOG = System.getLogger("io.vgpio.control");
    static final int OUTPUT_BUFFER_CHARS = 64 * 1024;

    private final SocketChannel client;
    private final ControlServer server;
    private final Runnable onClose;

    ControlConnection(SocketChannel client, ControlServer server, Runnable onClose) {
        this.client = client;
        this.server = server;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (client;
                Writer out = new BufferedWriter(
                        new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8),
                        OUTPUT_BUFFER_CHARS)) {
            LineReader in = new LineReader(Channels.newInputStream(client), ControlServer.MAX_LINE_BYTES);
            String line;
            while ((line = in.next()) != null) {
                if (line == LineReader.TOO_LONG) {
                    // Never echoed: the point is not to hold or send back what the client sent. The rest of the
                    // line was skipped, so the connection goes on with the next command.
                    out.write("err line too long: a command is at most " + ControlServer.MAX_LINE_BYTES
                            + " bytes; send one command per line\n");
                } else if (!line.isBlank()) {
                    server.execute(line, out);
                    out.write('\n');
                } else {
                    continue;
                }
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "control client went away: {0}", e.getMessage());
        } finally {
            onClose.run();
        }
    }
}
