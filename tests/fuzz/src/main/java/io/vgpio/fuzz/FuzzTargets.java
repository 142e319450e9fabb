package io.vgpio.fuzz;

import java.util.Map;
import java.util.TreeMap;

/**
 * The fuzz targets, by the name that releng/fuzz.sh, the corpus directories (tests/fuzz/corpus/NAME, with crash
 * reproducers in tests/fuzz/regressions/NAME) and the reports use. Each class has Jazzer's entry point
 * {@code public static void fuzzerTestOneInput(byte[])}.
 */
public final class FuzzTargets {
    private FuzzTargets() {
    }

    public static final Map<String, Class<?>> ALL = new TreeMap<>(Map.of(
            "trace", TraceReaderTarget.class,
            "vcd", VcdReaderTarget.class,
            "config", DeviceConfigTarget.class,
            "control", ControlCommandTarget.class,
            "virtqueue", VirtqueueTarget.class,
            "vhost", VhostUserTarget.class));

    /** Prints "NAME CLASS" per target, for releng/fuzz.sh. */
    public static void main(String[] args) {
        ALL.forEach((name, c) -> System.out.println(name + " " + c.getName()));
    }
}
