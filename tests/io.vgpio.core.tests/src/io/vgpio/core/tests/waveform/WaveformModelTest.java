package io.vgpio.core.tests.waveform;

import static io.vgpio.core.tests.waveform.RecordedSource.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.waveform.Lane;
import io.vgpio.core.waveform.WaveformModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The waveform's state without a widget: window, following, lanes and frames over a plain event log. */
class WaveformModelTest {
    private static DeviceConfig twoLines() throws ConfigException {
        return DeviceConfig.builder().lines(2).namesList("LED,BUTTON").build();
    }

    /** A 1 ms recording: line 0 high from 100 to 300 us, line 1 rises at 500 us, one interrupt at 400 us. */
    private static RecordedSource recording() throws ConfigException {
        return new RecordedSource(twoLines(), false).level(100 * US, 0, 1).level(300 * US, 0, 0)
                .marker(400 * US, EventKind.INTERRUPT, 1).level(500 * US, 1, 1).endAt(1000 * US);
    }

    @Test
    @DisplayName("A recording opens paused with all of it in the window; the frame counts every change per lane")
    void recording_opens_paused_and_whole() throws Exception {
        RecordedSource source = recording();
        WaveformModel m = new WaveformModel();
        m.bind(source);
        assertFalse(m.isFollowing());
        assertEquals(1000 * US, m.now(), "a recording's now is its end");
        long start = m.windowStart(m.now());
        assertTrue(start <= 0 && start + m.span() >= 1000 * US, "the whole recording is in the window");
        assertEquals(List.of("line:0", "line:1", "queue:requests", "queue:responses", "queue:buffers",
                "queue:interrupts", "queue:invalid", "queue:violations"), m.lanes().stream().map(Lane::key).toList());

        WaveformModel.Frame f = m.frame(200, m.now());
        assertEquals(200, f.columns());
        assertEquals(2, f.lane("line:0").total());
        assertEquals(1, f.lane("line:1").total());
        assertEquals(1, f.lane("queue:interrupts").total());
        assertEquals(0, f.lane("queue:requests").total());
        assertEquals(WaveformModel.NONE, f.scrub());
        assertEquals(f, m.lastFrame());

        source.scrubTo(300 * US);
        assertEquals(300 * US, m.frame(200, m.now()).scrub(), "the frame carries the recording's scrub time");
    }

    @Test
    @DisplayName("Zoom keeps the anchor where it was on screen; pan and fit move a paused window")
    void zoom_pan_fit() throws Exception {
        WaveformModel m = new WaveformModel();
        m.bind(recording());
        long now = m.now();
        long anchor = 500 * US;
        double before = (anchor - m.windowStart(now)) / (double) m.span();
        long span = m.span();
        m.zoom(0.5, anchor, now);
        assertEquals(Math.round(span * 0.5), m.span());
        assertEquals(before, (anchor - m.windowStart(now)) / (double) m.span(), 1e-5);

        long start = m.windowStart(now);
        m.pan(10 * US, now);
        assertEquals(start + 10 * US, m.windowStart(now));

        m.fit(now);
        assertFalse(m.isFollowing());
        assertEquals(now, m.windowStart(now) + m.span(), "fit ends the window at now");

        m.setSpan(1);
        assertEquals(WaveformModel.MIN_SPAN, m.span(), "no zoom below the minimum");
        m.centreOn(700 * US, now);
        assertEquals(700 * US - WaveformModel.MIN_SPAN / 2, m.windowStart(now));
    }

    @Test
    @DisplayName("The live device follows now until paused; back from a recording it gets its own window again")
    void live_follows_and_keeps_its_span() throws Exception {
        RecordedSource live = new RecordedSource(twoLines(), true);
        WaveformModel m = new WaveformModel();
        m.bind(live);
        assertTrue(m.isFollowing());
        m.setSpan(5_000 * US);
        assertEquals(1_000_000_000L - 5_000 * US, m.windowStart(1_000_000_000L), "the right edge is now");
        assertEquals(2_000_000_000L - 5_000 * US, m.windowStart(2_000_000_000L));

        m.setFollowing(false, 2_000_000_000L);
        assertEquals(2_000_000_000L - 5_000 * US, m.windowStart(3_000_000_000L), "paused, the window stays");

        m.bind(recording());
        assertFalse(m.isFollowing());
        m.bind(live);
        assertTrue(m.isFollowing(), "live again: following");
        assertEquals(5_000 * US, m.span(), "the window the user chose for the live device");
    }

    @Test
    @DisplayName("Hidden lanes leave the frame; cursors and the highlight travel with it")
    void hidden_lanes_and_cursors() throws Exception {
        WaveformModel m = new WaveformModel();
        m.bind(recording());
        m.setHidden(Set.of("line:1", "queue:requests"));
        m.setCursorA(100 * US);
        m.setCursorB(300 * US);
        m.setHighlight(400 * US);
        WaveformModel.Frame f = m.frame(100, m.now());
        assertEquals(6, f.lanes().size());
        assertNull(f.lane("line:1"));
        assertEquals(100 * US, f.cursorA());
        assertEquals(300 * US, f.cursorB());
        assertEquals(400 * US, f.highlight());
        assertEquals(Set.of("line:1", "queue:requests"), m.hiddenKeys());
    }

    @Test
    @DisplayName("The event nearest a time in a lane is described with its time and sequence number")
    void describes_the_nearest_event() throws Exception {
        WaveformModel m = new WaveformModel();
        m.bind(recording());
        Lane line0 = m.lanes().get(0);
        String text = m.describeNear(line0, 102 * US, 5 * US);
        assertTrue(text.startsWith("0.000100 s  #0\n"), text);
        assertNull(m.describeNear(line0, 700 * US, 5 * US), "nothing on line 0 near 700 us");
        Lane interrupts = m.lanes().stream().filter(l -> l.key().equals("queue:interrupts")).findFirst().orElseThrow();
        assertTrue(m.describeNear(interrupts, 400 * US, US).startsWith("0.000400 s  #2\n"));
    }

    @Test
    @DisplayName("Bound to nothing, the model shows no lanes and still answers")
    void unbound() throws Exception {
        WaveformModel m = new WaveformModel();
        m.bind(recording());
        m.bind(null);
        assertNull(m.source());
        assertNull(m.log());
        assertTrue(m.lanes().isEmpty());
        assertTrue(m.frame(50, 0).lanes().isEmpty());
        assertFalse(m.update());
        assertEquals(0, m.backlog());
    }

    @Test
    @DisplayName("Lanes with activity: the lines that changed level and the marker lanes that have events")
    void lanes_with_activity() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(3).namesList("LED,BUTTON,").build();
        RecordedSource source = new RecordedSource(config, false).level(100 * US, 0, 1)
                .marker(400 * US, EventKind.INTERRUPT, 1).endAt(1000 * US);
        WaveformModel m = new WaveformModel();
        m.bind(source);
        assertEquals(java.util.Set.of("line:0", "queue:interrupts"), m.activeLanes());
    }

    @Test
    @DisplayName("A lane's title in a list says what it is once: \"line 0 LED\", \"line 2\", \"virtqueue: requests\"")
    void lane_titles() {
        assertEquals("line 0 LED", Lane.line(0, "LED").title());
        assertEquals("line 2", Lane.line(2, "").title());
        assertEquals("virtqueue: requests", Lane.queueLanes().get(0).title());
    }

    @Test
    @DisplayName("Zoom Out stops at the device's start: no window reaches before time zero")
    void zoom_out_stops_at_the_start() throws Exception {
        WaveformModel m = new WaveformModel();
        m.bind(recording());
        long now = m.now();
        m.fit(now);
        m.zoom(0.25, 800 * US, now);
        assertTrue(m.windowStart(now) > 0, "zoomed in near the end");
        for (int i = 0; i < 20; i++) {
            m.zoom(2, 800 * US, now);
            assertTrue(m.windowStart(now) >= 0, "zoom out " + i + " shows time before the start: "
                    + m.windowStart(now));
        }
        assertEquals(0, m.windowStart(now), "zooming out ends at the start");
        assertEquals(now, m.span(), "and at the whole recording, no wider");

        m.setFollowing(true, now);
        m.setSpan(100 * US);
        for (int i = 0; i < 20; i++) {
            m.zoom(2, now, now);
        }
        assertEquals(0, m.windowStart(now), "following, too, zoom out stops at the start");
    }

    @Test
    @DisplayName("An exported waveform's title names the time range, as the SVG and the PNG show it")
    void export_title_names_the_range() throws Exception {
        WaveformModel m = new WaveformModel();
        m.bind(recording());
        m.fit(m.now());
        WaveformModel.Frame f = m.frame(100, m.now());
        assertTrue(io.vgpio.core.waveform.ExportTitle.title(f).startsWith("vGPIO waveform 0"),
                io.vgpio.core.waveform.ExportTitle.title(f));
        assertTrue(io.vgpio.core.waveform.ExportTitle.title(f).contains(" to "));
        assertTrue(io.vgpio.core.waveform.ExportTitle.subtitle(f).startsWith("window "));
    }
}
