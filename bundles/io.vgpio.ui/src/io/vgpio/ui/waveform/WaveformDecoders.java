package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.TimeText;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.decode.Annotation;
import io.vgpio.decode.view.AnnotationTrack;
import io.vgpio.decode.view.DecoderSpec;
import io.vgpio.ui.decode.AddDecoderDialog;
import io.vgpio.ui.decode.DecoderService;
import io.vgpio.ui.source.DataSource;
import java.util.List;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.window.Window;

/**
 * The waveform's side of the decoders ({@link DecoderService}): polls them each frame (only new events are
 * decoded), arranges their rows under the lines they read, adds and removes them from the view's menu, and keeps
 * the waveform and the Decoded view in step: a transaction chosen there puts cursors A and B on its start and
 * end here; cursor A placed here tells the Decoded view.
 */
final class WaveformDecoders implements DecoderService.Link {
    private final WaveformView view;
    private final Runnable specsChanged;
    private DataSource source;

    WaveformDecoders(WaveformView view, Runnable changed) {
        this.view = view;
        this.specsChanged = changed;
        DecoderService.get().addLink(this);
        DecoderService.get().addSpecListener(specsChanged);
    }

    void bind(DataSource s) {
        source = s;
    }

    /** Decodes what the log gained; true if the chart must be redrawn. */
    boolean poll() {
        return source != null && DecoderService.get().poll(source);
    }

    List<DecoderService.Entry> entries() {
        return source == null ? List.of() : DecoderService.get().entries(source);
    }

    /** The chart's rows for a frame: its lanes with the decoders' rows under their lines. */
    List<ChartRow> rows(WaveformModel.Frame f) {
        return ChartRow.arrange(f, entries());
    }

    /** The view menu: Add Decoder... and a Remove submenu listing the decoders. */
    void fillMenu(IMenuManager menu) {
        menu.add(new Action("Add Decoder...") {
            @Override
            public void run() {
                addDecoder();
            }
        });
        MenuManager remove = new MenuManager("Remove Decoder");
        remove.setRemoveAllWhenShown(true);
        remove.addMenuListener(m -> {
            for (DecoderSpec s : DecoderService.get().specs()) {
                m.add(new Action(s.title() + "   (" + s.text() + ")") {
                    @Override
                    public void run() {
                        DecoderService.get().remove(s);
                    }
                });
            }
            if (DecoderService.get().specs().isEmpty()) {
                Action none = new Action("(no decoders)") {
                };
                none.setEnabled(false);
                m.add(none);
            }
        });
        menu.add(remove);
        menu.add(new Separator());
    }

    void addDecoder() {
        AddDecoderDialog d = new AddDecoderDialog(view.getSite().getShell(), source);
        if (d.open() == Window.OK) {
            DecoderService.get().add(d.spec());
        }
    }

    /** The tooltip at a data-area position: the event nearest to it in its lane, or the annotation there. */
    static String tooltip(WaveformModel model, List<ChartRow> rows, double column, double laneValue) {
        WaveformModel.Frame f = model.lastFrame();
        int index = (int) Math.round(laneValue);
        if (f == null || index < 0 || index >= rows.size()) {
            return null;
        }
        long t = (long) f.timeAt(column);
        long tolerance = (long) Math.ceil(4 * (f.t1() - f.t0()) / (double) f.columns());
        ChartRow row = rows.get(index);
        if (row.isDecoder()) {
            return annotationTip(row, f, t, tolerance);
        }
        return model.describeNear(f.lanes().get(row.lane()).lane(), t, tolerance);
    }

    /** A tooltip for a decoder row: the annotation under the pointer with its time, or null. */
    private static String annotationTip(ChartRow row, WaveformModel.Frame f, long t, long tolerance) {
        AnnotationTrack.Row a = row.annotations();
        if (a == null) {
            return row.decoder() == null ? null : row.decoder().problem();
        }
        long rel = t - f.origin();
        int i = a.firstEndingAtOrAfter(rel - tolerance);
        if (i >= a.count() || a.start(i) > rel + tolerance) {
            return null;
        }
        Annotation x = a.get(i);
        return TimeText.seconds(x.startNs()) + "  " + row.label() + "\n" + x.text() + "  ("
                + TimeText.duration(x.endNs() - x.startNs()) + ")";
    }

    @Override
    public void transactionChosen(DecoderService.Decoded d) {
        view.showSpan(d.start(), d.end());
    }

    void dispose() {
        DecoderService.get().removeLink(this);
        DecoderService.get().removeSpecListener(specsChanged);
    }
}
