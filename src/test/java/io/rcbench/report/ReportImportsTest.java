package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report reads a run folder only: it never imports the load engine, the protocol or the server. */
class ReportImportsTest {
    @Test
    void reportPackageImportsNeitherGatlingNorDdpNorWorkspace() throws Exception {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/rcbench/report"))) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import ")
                        && (l.contains("io.gatling") || l.contains("io.rcbench.ddp") || l.contains("io.rcbench.workspace")
                        || l.contains("io.rcbench.gatling"))).map(l -> p.getFileName() + ": " + l);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }
}
