package io.vgpio.ui.waveform;

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
 * no AWT toolkit is started inside the SWT workbench) and written with SWT's ImageLoader.
 */
final class PngExport {
    private PngExport() {
    }

    static void write(JFreeChart chart, Display display, int width, int height, Path file) throws IOException {
        Image image = new Image(display, width, height);
        try {
            GC gc = new GC(image);
            SWTGraphics2D g2 = new SWTGraphics2D(gc);
            try {
                chart.draw(g2, new java.awt.Rectangle(0, 0, width, height));
            } finally {
                g2.dispose();
                gc.dispose();
            }
            save(image.getImageData(), file);
        } finally {
            image.dispose();
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
