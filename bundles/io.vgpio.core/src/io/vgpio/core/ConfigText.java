package io.vgpio.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a configuration file as UTF-8 text. A byte that is not UTF-8 is an error naming the line and the byte
 * (the JDK's own message for it is "Input length = 1"), never silently replaced: a name with a Latin-1 letter
 * would otherwise become a different name.
 */
final class ConfigText {
    private ConfigText() {
    }

    static List<String> readLines(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            String m = e.getMessage();
            throw new ConfigException("cannot read the configuration file " + file + ": "
                    + e.getClass().getSimpleName().replace("Exception", "") + (m != null ? " (" + m + ")" : "")
                    + "; check the path and its permissions.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigException(file + ":" + line + ": the file is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[offset] & 0xff) + " at offset " + offset
                    + " is not UTF-8); save it as UTF-8 (e.g. iconv -f latin1 -t utf-8).");
        }
        decoder.flush(out);
        out.flip();
        return out.toString().lines().toList();
    }
}
