package io.vgpio.decode.tests;

import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.Decoder;
import io.vgpio.decode.Signals;
import java.util.function.Function;

/**
 * One file of the comparison corpus: the waveform, how sigrok-cli decodes it, and how vgpio does (the decoder, the
 * lines that feed its channels by name, and the levels of channels not given).
 */
record Case(String name, Wave wave, String sigrokDecoder, String sigrokClasses,
        Function<DecodeListener, Decoder> decoder, String[] lines, int[] idle) {

    /** Decodes {@code signals} (read back from this case's VCD) as {@code vgpio decode} does. */
    Recorder decode(Signals signals) {
        Recorder r = new Recorder();
        int[] channelLines = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            channelLines[i] = lines[i] == null ? -1 : signals.line(lines[i]);
        }
        signals.feed(decoder.apply(r), channelLines, idle);
        return r;
    }

    @Override
    public String toString() {
        return name;
    }
}
