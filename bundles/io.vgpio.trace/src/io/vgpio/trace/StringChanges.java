package io.vgpio.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The string variables of a VCD being written: their declarations, and their changes merged into the wires'
 * stream by time ({@link #writeUpTo} before each wire change), so the dump's timestamps only go forward.
 */
final class StringChanges {
    private final List<VcdString> strings;
    private final int[] next;
    private final int firstId;
    private final long startNanos;

    StringChanges(List<VcdString> strings, int firstId, long startNanos) {
        this.strings = List.copyOf(strings);
        this.next = new int[strings.size()];
        this.firstId = firstId;
        this.startNanos = startNanos;
    }

    void declare(Writer w) throws IOException {
        if (strings.isEmpty()) {
            return;
        }
        w.write("$scope module decoders $end\n");
        for (int i = 0; i < strings.size(); i++) {
            w.write("$var string 1 " + VcdWriter.id(firstId + i) + " " + strings.get(i).name() + " $end\n");
        }
        w.write("$upscope $end\n");
    }

    /**
     * Writes every string change up to VCD time {@code us} (inclusive), earliest first.
     *
     * @param lastTime the dump's current timestamp, advanced as changes are written
     * @return the number of changes written
     */
    long writeUpTo(Writer w, long us, long[] lastTime) throws IOException {
        long written = 0;
        while (true) {
            int best = -1;
            long bestUs = Long.MAX_VALUE;
            for (int i = 0; i < strings.size(); i++) {
                if (next[i] < strings.get(i).count()) {
                    long t = Math.max(lastTime[0], Math.max(0, (strings.get(i).time(next[i]) - startNanos) / 1000));
                    if (t < bestUs) {
                        bestUs = t;
                        best = i;
                    }
                }
            }
            if (best < 0 || bestUs > us) {
                return written;
            }
            if (bestUs != lastTime[0]) {
                w.write("#" + bestUs + "\n");
                lastTime[0] = bestUs;
            }
            w.write("s" + strings.get(best).value(next[best]) + " " + VcdWriter.id(firstId + best) + "\n");
            next[best]++;
            written++;
        }
    }
}
