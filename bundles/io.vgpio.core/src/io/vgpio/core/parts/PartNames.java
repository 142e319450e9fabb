package io.vgpio.core.parts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A part's name in the log: after its ADDED event, NAME events carry it 8 characters each (first character in the
 * lowest byte, unused bytes 0), so a trace names its parts with no header field an old reader would trip on.
 */
public final class PartNames {
    private PartNames() {
    }

    /** The NAME values of a name, in order. */
    public static List<Long> chunks(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < b.length; i += 8) {
            long v = 0;
            for (int j = Math.min(b.length, i + 8) - 1; j >= i; j--) {
                v = v << 8 | (b[j] & 0xff);
            }
            out.add(v);
        }
        return out;
    }

    /** The characters one NAME value carries. */
    public static String chunkText(long chunk) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            int c = (int) (chunk >>> (8 * i) & 0xff);
            if (c == 0) {
                break;
            }
            s.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return s.toString();
    }
}
