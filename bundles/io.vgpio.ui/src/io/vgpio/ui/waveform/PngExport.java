package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.ExportTitle;
import io.vgpio.core.waveform.WaveformModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.jfree.chart.JFreeChart;
import org.jfree.swt.SWTGraphics2D;

/**
 * The chart as PNG, drawn by JFreeChart onto an SWT image through SWTGraphics2D (the same path as the screen;
 * no AWT toolkit is started inside the SWT workbench) below a title band, and written with SWT's ImageLoader.
 */
public final class PngExport {
    /** Height of the band above the chart that holds the title and the time range. */
    public static final int TITLE_HEIGHT = 40;

    private PngExport() {
    }

    /** Writes the chart below its title (what it is, which times), as the SVG export shows them. */
    static void write(JFreeChart chart, WaveformModel.Frame frame, Display display, int width, int height,
            Path file) throws IOException {
        save(render(chart, display, width, height, ExportTitle.title(frame), ExportTitle.subtitle(frame)), file);
    }

    /** The image written: a white band with the title and subtitle, the chart of width x height below it. */
    public static ImageData render(JFreeChart chart, Display display, int width, int height, String title,
            String subtitle) {
        Image image = new Image(display, width, height + TITLE_HEIGHT);
        try {
            GC gc = new GC(image);
            try {
                gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
                gc.fillRectangle(0, 0, width, TITLE_HEIGHT);
                gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
                gc.drawText(title, 8, 3, true);
                gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
                gc.drawText(subtitle, 8, 3 + gc.getFontMetrics().getHeight(), true);
            } finally {
                gc.dispose();
            }
            drawChart(chart, image, width, height);
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    private static void drawChart(JFreeChart chart, Image image, int width, int height) {
        GC gc = new GC(image);
        SWTGraphics2D g2 = new SWTGraphics2D(gc);
        try {
            chart.draw(g2, new java.awt.Rectangle(0, TITLE_HEIGHT, width, height));
        } finally {
            g2.dispose();
            gc.dispose();
        }
    }

    static void save(ImageData data, Path file) throws IOException {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            loader.save(out, SWT.IMAGE_PNG);
        } catch (SWTException e) {
            throw new IOException("PNG encoding failed: " + e.getMessage(), e);
        }
    }
}
