package io.rcbench.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Holds the package contracts: verdicts do no I/O and read no clock; only the loader's reader knows YAML. */
class PurityTest {
    private static final Path MAIN = Path.of("src", "main", "java", "io", "rcbench");

    private static List<Path> sources(String pkg) throws Exception {
        try (Stream<Path> s = Files.list(MAIN.resolve(pkg))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void verdictPackageDoesNoIoAndReadsNoClock() throws Exception {
        List<String> forbidden = List.of("import java.io", "import java.nio", "import java.net", "System.currentTimeMillis",
            "System.nanoTime", "Instant.now", "java.time.Clock", "System.out", "System.err", "LocalDateTime.now");
        for (Path f : sources("verdict")) {
            String text = Files.readString(f);
            for (String bad : forbidden) {
                assertThat(text).as(f + " must stay pure").doesNotContain(bad);
            }
        }
    }

    @Test
    void onlyTheYamlReaderImportsAYamlLibrary() throws Exception {
        try (Stream<Path> all = Files.walk(MAIN)) {
            List<String> users = all.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String t = Files.readString(p);
                    return t.contains("com.fasterxml.jackson.dataformat.yaml") || t.contains("org.yaml.snakeyaml");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
            assertThat(users).containsExactly("YamlReader.java");
        }
    }
}
