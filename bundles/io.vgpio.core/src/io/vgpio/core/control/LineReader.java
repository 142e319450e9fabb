package io.vgpio.core.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the control socket's command lines with a bounded buffer: a client cannot make the device hold more than
 * {@code maxBytes} of one line, however long the line it sends. A line ends at {@code \n}; a {@code \r} right
 * before it belongs to the line ending ({@code \r\n} from a Windows or telnet client is one command), and a
 * {@code \r} anywhere else does not end a command.
 */
final class LineReader {
    /** What {@link #next()} returns for a line longer than the limit: its bytes were read and thrown away. */
    static final String TOO_LONG = new String("<too long>"); // a distinct instance, compared by identity

    private final InputStream in;
    private final byte[] line;
    private final byte[] buffer = new byte[8192];
    private int length;
    private int pos;
    private int limit;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.line = new byte[maxBytes];
    }

    /**
     * The next line without its line ending, {@link #TOO_LONG} for a line over the limit (the rest of it up to
     * its {@code \n} is skipped, so the next call reads the next command), or null at the end of the stream.
     */
    String next() throws IOException {
        length = 0;
        boolean overflow = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    // a last line without \n still counts; an overlong one is still refused
                    return overflow ? TOO_LONG : length > 0 ? text() : null;
                }
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                return overflow ? TOO_LONG : text();
            }
            if (overflow) {
                continue;
            }
            if (length == line.length) {
                overflow = true;
                continue;
            }
            line[length++] = b;
        }
    }

    private String text() {
        int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }
}
