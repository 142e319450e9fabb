package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vgpio.decode.AnnotationKind;
import io.vgpio.decode.SignalFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decoder against sigrok's decoder for the same protocol, on a corpus of VCDs generated here: the sequence
 * of (kind, value) must be identical, and so are the times (start and end, in ns), which sigrok's 1 GHz samples
 * give exactly. A difference is reported with the first annotation that differs, with its times on both sides. The VCDs have a 1 ns timescale, so sigrok samples at 1 GHz and a sample is a nanosecond.
 */
class SigrokComparisonTest {
    @TempDir
    static Path dir;

    static Stream<Case> corpus() {
        return Stream.of(I2cCorpus.cases(), SpiCorpus.cases(), UartCorpus.cases(), OneWireCorpus.cases(),
                NoiseCorpus.cases())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decodesAsSigrokDoes(Case c) throws Exception {
        assertTrue(Files.isExecutable(Path.of(Sigrok.CLI)), "sigrok-cli is missing: releng/setup.sh test installs it");
        Path vcd = c.wave().writeVcd(dir.resolve(c.name() + ".vcd"));
        List<Sigrok.Expected> expected = Sigrok.decode(vcd, c.sigrokDecoder(), c.sigrokClasses());
        Recorder actual = c.decode(SignalFiles.read(vcd));
        List<io.vgpio.decode.Annotation> ours = actual.annotations.stream()
                .filter(a -> a.kind() != AnnotationKind.BYTE).toList();
        assertFalse(expected.isEmpty(), c.name() + ": sigrok found nothing, so the case proves nothing");
        int n = Math.min(expected.size(), ours.size());
        for (int i = 0; i <= n; i++) {
            String want = i < expected.size() ? expected.get(i).kindAndValue() + " " + expected.get(i).timeNs()
                    + "-" + expected.get(i).endNs() + " ns" : "(nothing more)";
            String got = i < ours.size() ? ours.get(i).text() + " " + ours.get(i).startNs() + "-"
                    + ours.get(i).endNs() + " ns" : "(nothing more)";
            if (!want.equals(got)) {
                fail(c.name() + ": annotation " + i + " differs: sigrok '" + want + "', vgpio '" + got + "' (sigrok "
                        + expected.size() + " annotations, vgpio " + ours.size() + ")");
            }
            if (i == n) {
                break;
            }
        }
    }
}
