package io.vgpio.ui.waveform;

import io.vgpio.ui.Counts;
import io.vgpio.core.waveform.TimeText;
import io.vgpio.core.waveform.WaveformModel;

import io.vgpio.ui.source.TraceSource;
import java.util.Locale;

/**
 * The waveform's status line: what it shows (live, paused or a trace), the window, the cursors and Δt between
 * them, and how much of the log is held and indexed. Text only, so it reads the same in a test as on screen.
 */
final class WaveformStatus {
    private WaveformStatus() {
    }

    static String of(WaveformModel model, WaveformModel.Frame f) {
        StringBuilder b = new StringBuilder();
        b.append(model.source() instanceof TraceSource ? "TRACE" : model.isFollowing() ? "LIVE" : "PAUSED")
                .append("   window ").append(TimeText.duration(f.t1() - f.t0()));
        if (f.cursorA() != WaveformModel.NONE) {
            b.append("   A ").append(TimeText.seconds(f.cursorA() - f.origin()));
        }
        if (f.cursorB() != WaveformModel.NONE) {
            b.append("   B ").append(TimeText.seconds(f.cursorB() - f.origin()));
        }
        if (f.scrub() != WaveformModel.NONE) {
            b.append("   scrub ").append(TimeText.seconds(f.scrub() - f.origin()));
        }
        if (f.cursorA() != WaveformModel.NONE && f.cursorB() != WaveformModel.NONE) {
            long dt = f.cursorB() - f.cursorA();
            b.append("   \u0394t ").append(TimeText.duration(dt)).append(" (").append(TimeText.frequency(dt))
                    .append(')');
        }
        if (model.source() == null) {
            b.append("   no device serving");
        } else {
            var log = model.log();
            b.append("   ").append(Counts.of(log.size(), "event")).append(String.format(Locale.ROOT, " held, %,d dropped",
                    log.dropped()));
            if (model.backlog() > 0) {
                b.append(String.format(Locale.ROOT, ", indexing (%,d to go)", model.backlog()));
            }
        }
        return b.toString();
    }
}
