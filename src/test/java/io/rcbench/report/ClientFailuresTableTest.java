package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.RunSummary;
import org.junit.jupiter.api.Test;

/** The report's client failures table: unmatched receipts are shown, and said not to be failures. */
class ClientFailuresTableTest {
    @Test
    void unmatchedReceiptsAreShownAsNoFailure() {
        String html = LatencyTables.clientFailures(new RunSummary.ClientFailures(0, 0, 0, 0, 346));
        assertThat(html).contains("<td>receipts matching no send</td><td>346</td>", "are not failures",
            "bots' answers, webhook posts");
        assertThat(LatencyTables.clientFailures(new RunSummary.ClientFailures(1, 0, 0, 0, 0)))
            .contains("<td>listener exceptions</td>").doesNotContain("are not failures");
        assertThat(LatencyTables.clientFailures(RunSummary.ClientFailures.NONE)).isEmpty();
    }
}
