package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/architecture.md is what a newcomer reads first: every class and bundle it names must exist. */
class ArchitectureDocTest {
    /** A Java type name as the document writes it: `Chip`, `VhostUserBackend` (not `SCM_RIGHTS` or `set`). */
    static final Pattern TYPE = Pattern.compile("`([A-Z][a-z0-9]+[A-Za-z0-9]*)`");
    /** CamelCase names with two capitals or more in the data-flow diagram, which has no backticks. */
    static final Pattern DIAGRAM_TYPE = Pattern.compile("\\b([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)\\b");
    static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    static final Pattern BUNDLE = Pattern.compile("`(io\\.vgpio\\.[a-z]+)`");

    static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/architecture.md")) && Files.isDirectory(p.resolve("bundles"))) {
                return p;
            }
        }
        throw new AssertionError("docs/architecture.md not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    @DisplayName("docs/architecture.md names only classes and bundles that exist")
    void every_named_class_and_bundle_exists() throws IOException {
        Path repo = repo();
        String doc = Files.readString(repo.resolve("docs/architecture.md"));
        Set<String> sources = new TreeSet<>();
        for (String dir : new String[] {"bundles", "tests"}) {
            try (Stream<Path> s = Files.walk(repo.resolve(dir))) {
                for (Path p : (Iterable<Path>) s.filter(ArchitectureDocTest::isSource)::iterator) {
                    collect(DECLARED, Files.readString(p), sources); // nested types too: EventKind.ChainError
                }
            }
        }
        Set<String> named = new TreeSet<>();
        collect(TYPE, doc, named);
        int fence = doc.indexOf("```");
        collect(DIAGRAM_TYPE, doc.substring(fence, doc.indexOf("```", fence + 3)), named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(sources);
        missing.remove("ViewPart"); // Eclipse's, named as what a view extends
        assertTrue(named.size() > 30, "the document names the classes at each hop: " + named);
        assertTrue(missing.isEmpty(), "docs/architecture.md names classes that do not exist: " + missing);

        Matcher b = BUNDLE.matcher(doc);
        while (b.find()) {
            assertTrue(Files.isDirectory(repo.resolve("bundles").resolve(b.group(1))),
                    "docs/architecture.md names a bundle that does not exist: " + b.group(1));
        }
    }

    private static boolean isSource(Path p) {
        return p.toString().endsWith(".java") && !p.toString().contains("/target/");
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
