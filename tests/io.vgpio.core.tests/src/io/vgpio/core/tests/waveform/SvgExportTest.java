package io.vgpio.core.tests.waveform;

import static io.vgpio.core.tests.waveform.RecordedSource.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.waveform.LaneData;
import io.vgpio.core.waveform.LaneStyle;
import io.vgpio.core.waveform.SvgExport;
import io.vgpio.core.waveform.WaveformModel;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The waveform as SVG: a document any XML parser reads, with one group per lane named as the chart names it. */
class SvgExportTest {
    private static WaveformModel.Frame frame() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(3).namesList("LED,<B&C>,").build();
        RecordedSource source = new RecordedSource(config, false).level(100 * US, 0, 1).level(300 * US, 0, 0)
                .level(500 * US, 1, 1).endAt(1000 * US).direction(0, Direction.OUT).direction(1, Direction.IN);
        WaveformModel m = new WaveformModel();
        m.bind(source);
        m.setCursorA(100 * US);
        m.setCursorB(300 * US);
        return m.frame(400, m.now());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("Well-formed SVG: a lane group per visible lane, labelled with the line's name and direction")
    void well_formed_with_lane_names() throws Exception {
        StringWriter w = new StringWriter();
        SvgExport.write(frame(), "time (s)", w);
        Document doc = parse(w.toString());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertTrue(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent().startsWith("vGPIO waveform"));

        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            ids.add(g.getAttribute("id"));
            labels.add(g.getElementsByTagNameNS("*", "text").item(0).getTextContent());
        }
        assertEquals(List.of("line:0", "line:1", "line:2", "queue:requests", "queue:responses", "queue:buffers",
                "queue:interrupts", "queue:invalid", "queue:violations"), ids);
        assertEquals(List.of("0 LED  \u2190out", "1 <B&C>  \u2192in", "line 2  none"), labels.subList(0, 3),
                "names with markup characters survive escaping");
        assertEquals("eventq buffers", labels.get(5));

        String text = root.getTextContent();
        assertTrue(text.contains("time (s)"), "the axis label");
        assertTrue(text.contains("A") && text.contains("B"), "both cursors are labelled");
        assertTrue(w.toString().contains(LaneStyle.hex(LaneStyle.HIGH)), "a high level is drawn green");
        assertTrue(w.toString().contains(LaneStyle.hex(LaneStyle.LOW)), "a low level is drawn blue");
        assertTrue(text.contains(LaneStyle.LEGEND), "the legend says what the colours mean");
    }

    @Test
    @DisplayName("Written to a file in a directory that does not exist yet")
    void writes_a_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exports/wave.svg");
        SvgExport.write(frame(), "t", file);
        assertEquals("svg", parse(Files.readString(file)).getDocumentElement().getLocalName());
    }

    @Test
    @DisplayName("Colour means level, whatever the direction: a low input and a low output are drawn alike")
    void colour_means_level() throws Exception {
        WaveformModel.Frame f = frame();
        // Line 0 (an output) and line 1 (an input) are both low for a while: one colour for both.
        var out = f.lane("line:0");
        var in = f.lane("line:1");
        int outLow = firstRun(out, LaneData.LOW);
        int inLow = firstRun(in, LaneData.LOW);
        assertTrue(outLow >= 0 && inLow >= 0, "both lanes have a low stretch");
        assertEquals(LaneStyle.of(out, outLow), LaneStyle.of(in, inLow));
        assertEquals(LaneStyle.LOW, LaneStyle.of(in, inLow));
        assertEquals(LaneStyle.HIGH, LaneStyle.of(out, firstRun(out, LaneData.HIGH)));
        assertEquals(LaneStyle.LOW, LaneStyle.level(0));
        assertEquals(LaneStyle.HIGH, LaneStyle.level(1));
        assertTrue(LaneStyle.HIGH != LaneStyle.LOW);
    }

    private static int firstRun(LaneData d, byte state) {
        for (int r = 0; r < d.runs(); r++) {
            if (d.state(r) == state) {
                return r;
            }
        }
        return -1;
    }

    @Test
    @DisplayName("Colours are plain 0xRRGGBB values, with a pale tint under a high level")
    void colours() {
        assertEquals("#00a03c", LaneStyle.hex(LaneStyle.HIGH));
        assertEquals("#2355af", LaneStyle.hex(LaneStyle.LOW));
        assertEquals("#000000", LaneStyle.hex(0));
        assertEquals(0xd5d5d5, LaneStyle.tint(0x000000));
        assertEquals(0xffffff, LaneStyle.tint(0xffffff));
    }
}
