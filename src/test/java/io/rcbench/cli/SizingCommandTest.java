package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.SizingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rcbench sizing} over capacity folders: the page and sizing.json, the documented table, exit codes. */
class SizingCommandTest {
    static Path capacityRun(Path reports, String name, double cores, Integer ceiling) throws Exception {
        Path dir = reports.resolve(name);
        new CapacityResult("minimal-vps", List.of(), List.of(), null, ceiling, 50,
            new CapacityResult.Envelope(cores + " cores", cores, 1024, null), null).write(dir);
        return dir;
    }

    @Test
    void writesTheSizingPageWithTheDocumentedTableAndPassesWhenAnEnvelopeHolds(@TempDir Path reports) throws Exception {
        Path a = capacityRun(reports, "a", 1, 30);
        Path b = capacityRun(reports, "b", 2, 55);
        Path out = reports.resolve("sizing");
        int code = Main.run("sizing", a.toString(), b.toString(), "--out", out.toString(), "--profiles", "profiles");
        assertThat(code).isZero();
        SizingResult s = SizingResult.read(out);
        assertThat(s.answers().get(0)).startsWith("Measured: 2.0 cores holds the documented 50 active users");
        // the repository's profiles document their envelopes: minimal-vps (1 core, 50 active users) among them
        assertThat(s.table()).anyMatch(r -> r.label().equals("minimal-vps") && r.documentedActiveUsers() == 50);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Sizing · minimal-vps", "Documented, measured, predicted", "(extrapolated)");
    }

    @Test
    void failsWhenNoEnvelopeHoldsAndRefusesAFolderThatIsNotACapacityRun(@TempDir Path reports) throws Exception {
        Path a = capacityRun(reports, "a", 1, 20);
        assertThat(Main.run("sizing", a.toString(), "--out", reports.resolve("s").toString(), "--profiles",
            reports.resolve("none").toString())).isEqualTo(io.rcbench.verdict.ExitCodes.FAIL);
        Files.createDirectories(reports.resolve("empty"));
        assertThat(Main.run("sizing", reports.resolve("empty").toString())).isEqualTo(io.rcbench.verdict.ExitCodes.USAGE);
    }
}
