package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.SvgExport;
import io.vgpio.core.waveform.WaveformModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.jfree.chart.swt.ChartComposite;

/** Export... on the waveform: the current frame as a PNG (the chart as drawn) or an SVG (from the frame's data). */
final class WaveformExport {
    private WaveformExport() {
    }

    /** Asks for a file and writes it; a failure is reported in a dialog. */
    static void ask(Shell shell, WaveformView view) {
        FileDialog fd = new FileDialog(shell, SWT.SAVE);
        fd.setText("Export Waveform");
        fd.setFilterExtensions(new String[] {"*.png", "*.svg"});
        fd.setFilterNames(new String[] {"PNG image (*.png)", "SVG drawing (*.svg)"});
        fd.setFileName("waveform.png");
        fd.setOverwrite(true);
        String name = io.vgpio.ui.FileDialogs.open(fd);
        if (name == null) {
            return;
        }
        if (!name.contains(".")) {
            name += fd.getFilterIndex() == 1 ? ".svg" : ".png";
        }
        try {
            view.exportTo(Path.of(name));
        } catch (IOException | RuntimeException ex) {
            MessageDialog.openError(shell, "Export Waveform", "Could not write " + name + ": " + ex.getMessage());
        }
    }

    /** Writes a frame as PNG or SVG, by the file's extension. */
    static void write(WaveformModel.Frame f, WaveformChart chart, ChartComposite composite, Path file)
            throws IOException {
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SvgExport.write(f, chart.timeLabel(), file);
        } else {
            var size = composite.getSize();
            PngExport.write(chart.chart(), f, composite.getDisplay(), Math.max(400, size.x), Math.max(200, size.y),
                    file);
        }
    }
}
