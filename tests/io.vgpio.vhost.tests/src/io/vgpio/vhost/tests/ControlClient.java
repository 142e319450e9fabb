package io.vgpio.vhost.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A client of the device's control socket, one command and one answer line at a time. */
final class ControlClient implements AutoCloseable {
    private final SocketChannel ch;
    private final OutputStream out;
    private final BufferedReader in;

    ControlClient(Path socket) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        out = Channels.newOutputStream(ch);
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
    }

    /** Sends a command; returns the answer's first line (null if the server closed the connection). */
    String ask(String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return in.readLine();
    }

    /** The next line of a multi-line answer (break list, fault list). */
    String next() throws IOException {
        return in.readLine();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
