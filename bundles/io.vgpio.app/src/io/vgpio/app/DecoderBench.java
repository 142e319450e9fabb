package io.vgpio.app;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.decode.view.DecoderSpec;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.decode.DecoderService;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.waveform.WaveformView;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The UI bench's decoder figure: 1,000,000 LEVEL events of I2C bit-banged on two lines of the live device, an I2C
 * decoder lane on the waveform over them, and the frame (query, layout, JFreeChart paint) after a zoom and after
 * a pan. Prints the figures; the target is 50 ms.
 */
final class DecoderBench {
    private static final int SCL = 6;
    private static final int SDA = 7;
    private static final int EVENTS = 1_000_000;
    private static final String SPEC = "i2c --scl " + SCL + " --sda " + SDA;

    private DecoderBench() {
    }

    static void run(Display display, DeviceSession host) {
        Chip chip = host.chip();
        long from = host.log().nextSeq();
        int value = 0;
        while (host.log().nextSeq() - from < EVENTS) {
            // START, address 0x48 write, a data byte, each ACKed, STOP: about 64 level changes
            set(chip, SDA, 0);
            set(chip, SCL, 0);
            for (int b : new int[] {0x90, value++ & 0xff}) {
                for (int i = 8; i >= 0; i--) {
                    set(chip, SDA, i == 0 ? 0 : b >> (i - 1) & 1);
                    set(chip, SCL, 1);
                    set(chip, SCL, 0);
                }
            }
            set(chip, SDA, 0);
            set(chip, SCL, 1);
            set(chip, SDA, 1);
        }
        display.syncExec(() -> measure(display));
    }

    private static void set(Chip chip, int line, int level) {
        chip.setInput(line, level, Cause.USER);
    }

    private static void measure(Display display) {
        WaveformView view;
        try {
            view = (WaveformView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                    .showView(WaveformView.ID);
        } catch (org.eclipse.ui.PartInitException e) {
            print("decoder lane: the waveform did not open: %s", e.getMessage());
            return;
        }
        DecoderSpec spec = DecoderSpec.parse(SPEC);
        DecoderService decoders = DecoderService.get();
        decoders.add(spec);
        try {
            var source = SourceService.get().current();
            long s = System.nanoTime();
            int slices = 0;
            while (decoders.poll(source) && slices < 100) { // what the frame timer does, a slice a frame
                slices++;
            }
            double decodeMs = (System.nanoTime() - s) / 1e6;
            long annotations = decoders.entries(source).get(0).run().track().annotations().size();
            view.fit();
            view.paintNow();
            double[] zoom = new double[12];
            double[] pan = new double[12];
            for (int i = 0; i < zoom.length; i++) {
                long now = view.model().now();
                long t = System.nanoTime();
                view.model().zoom(i < 6 ? 0.5 : 2, view.model().windowStart(now) + view.model().span() / 2, now);
                view.paintNow();
                zoom[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                view.model().pan(view.model().span() / 10, view.model().now());
                view.paintNow();
                pan[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(zoom);
            Arrays.sort(pan);
            print("decoder lane: I2C over %,d events in the log (%,d annotations, decoded in %.0f ms over %d"
                    + " frames): frame after a zoom median %.1f ms, worst %.1f ms; after a pan median %.1f ms,"
                    + " worst %.1f ms (target <= 50 ms)", view.model().log().size(), annotations, decodeMs, slices,
                    zoom[zoom.length / 2], zoom[zoom.length - 1], pan[pan.length / 2], pan[pan.length - 1]);
        } finally {
            decoders.remove(spec);
        }
    }

    private static void print(String format, Object... args) {
        System.out.println("vgpio uibench: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
