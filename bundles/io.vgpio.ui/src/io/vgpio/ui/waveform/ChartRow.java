package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.LaneData;
import io.vgpio.core.waveform.LaneStyle;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.decode.view.AnnotationTrack;
import io.vgpio.ui.decode.DecoderService;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the waveform chart: a lane of the frame (a line or a virtqueue kind), or one output of a decoder
 * (UART has two, RX and TX), which sits under the last of the lines it reads, as in PulseView.
 *
 * @param lane the index of the frame's lane, or -1 for a decoder row
 * @param decoder the decoder of a decoder row, or null
 * @param output the decoder's output lane (UART: 0 RX, 1 TX)
 * @param label the row's label on the lane axis
 */
record ChartRow(int lane, DecoderService.Entry decoder, int output, String label) {
    boolean isDecoder() {
        return decoder != null;
    }

    /** The annotations the row shows, or null for a lane (or a decoder that cannot run on this source). */
    AnnotationTrack.Row annotations() {
        return decoder == null || decoder.run() == null ? null : decoder.run().track().row(output);
    }

    /** A unique key for the chart's series. */
    String key(WaveformModel.Frame f) {
        return isDecoder() ? "decoder:" + System.identityHashCode(decoder) + ":" + output
                : f.lanes().get(lane).lane().key();
    }

    /** The frame's lanes with each decoder's rows under the last visible line it reads (or after the lines). */
    static List<ChartRow> arrange(WaveformModel.Frame f, List<DecoderService.Entry> decoders) {
        List<ChartRow> rows = new ArrayList<>();
        int lastLine = -1;
        for (int i = 0; i < f.lanes().size(); i++) {
            rows.add(new ChartRow(i, null, 0, LaneStyle.label(f.lanes().get(i))));
            if (f.lanes().get(i).lane().isLine()) {
                lastLine = rows.size() - 1;
            }
        }
        List<ChartRow> inserted = new ArrayList<>();
        for (DecoderService.Entry d : decoders) {
            int at = -1;
            if (d.run() != null) {
                for (int ch : d.run().binding().channelLines()) {
                    int row = rowOfLine(rows, f, ch);
                    at = row >= 0 ? Math.max(at, row + 1) : at;
                }
            }
            at = at < 0 ? lastLine + 1 : at;
            int outputs = d.run() != null && d.spec().protocol().equals("uart") ? 2 : 1;
            for (int o = 0; o < outputs; o++) {
                inserted.add(new ChartRow(-1, d, o, label(d, o, outputs)));
            }
            // keep the decoder's rows together, after any rows already inserted at the same place
            while (at < rows.size() && rows.get(at).isDecoder()) {
                at++;
            }
            rows.addAll(at, inserted);
            lastLine += at <= lastLine ? inserted.size() : 0;
            inserted.clear();
        }
        return rows;
    }

    private static int rowOfLine(List<ChartRow> rows, WaveformModel.Frame f, int line) {
        if (line < 0) {
            return -1;
        }
        for (int r = 0; r < rows.size(); r++) {
            ChartRow c = rows.get(r);
            if (!c.isDecoder()) {
                LaneData d = f.lanes().get(c.lane());
                if (d.lane().line() == line) {
                    return r;
                }
            }
        }
        return -1;
    }

    private static String label(DecoderService.Entry d, int output, int outputs) {
        if (outputs < 2) {
            return d.spec().title();
        }
        String option = output == 0 ? "--rx" : "--tx";
        String line = d.spec().values().get(option);
        return "UART " + (output == 0 ? "RX " : "TX ") + (line == null ? "-" : line);
    }
}
