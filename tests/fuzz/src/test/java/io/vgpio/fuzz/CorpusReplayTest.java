package io.vgpio.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every seed (corpus/NAME) and every crash reproducer (regressions/NAME) through its target, as part of the
 * normal build: a bug the fuzzer once found stays fixed, and the seeds stay valid inputs of the current formats.
 */
class CorpusReplayTest {
    /** Generous: an input that takes this long is a hang, as it is for releng/fuzz.sh (which allows 10 s). */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    @TestFactory
    Stream<DynamicTest> every_seed_and_reproducer_passes_its_target() throws IOException, ReflectiveOperationException {
        List<DynamicTest> tests = new ArrayList<>();
        for (var target : FuzzTargets.ALL.entrySet()) {
            MethodHandle run = MethodHandles.publicLookup().findStatic(target.getValue(), "fuzzerTestOneInput",
                    MethodType.methodType(void.class, byte[].class));
            List<Path> seeds = files(Path.of("corpus", target.getKey()));
            assertFalse(seeds.isEmpty(), "target " + target.getKey() + " has no seed corpus");
            List<Path> inputs = new ArrayList<>(seeds);
            inputs.addAll(files(Path.of("regressions", target.getKey())));
            for (Path input : inputs) {
                tests.add(DynamicTest.dynamicTest(target.getKey() + ": " + input, () -> {
                    byte[] data = Files.readAllBytes(input);
                    assertTimeoutPreemptively(PER_INPUT, () -> {
                        run.invokeExact(data);
                    }, () -> input + " hangs its target");
                }));
            }
        }
        return tests.stream();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
