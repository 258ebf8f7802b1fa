package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.InjectorBudget;
import io.rcbench.profile.Slos;
import io.rcbench.report.RunReportWriter;
import io.rcbench.run.HealthProbe;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSampler;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.Measurement;
import io.rcbench.verdict.SloResult;
import io.rcbench.verdict.Status;
import io.rcbench.verdict.Verdict;
import io.rcbench.verdict.VerdictEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures inside the client reach the timeline, summary.json, the error SLO and the report. */
class ClientFailuresTest {
    @Test
    void clientFailuresCountAgainstTheErrorSloAndAreShown(@TempDir Path reports) throws Exception {
        RunMetrics metrics = new RunMetrics(Duration.ofMillis(50), Duration.ofSeconds(5));
        long t = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            metrics.started("sendMessage", t, t);
            metrics.succeeded("sendMessage", t, t, t + 1_000_000);
        }
        // 2 listener exceptions, 1 undecodable frame, 1 DDP error frame, 3 call timeouts, no action failed
        metrics.clientFailureSource(() -> new RunSummary.ClientFailures(2, 1, 1, 3, 0));
        RunFolder folder = new RunFolder(reports.resolve("run"));
        // the run began a second ago: the closing point lands inside the hold (0, 60 s]; started now, a fast machine
        // closed it at 0 ms, outside the hold, and the verdict read no errors
        long startMs = System.currentTimeMillis() - 1000;
        RunSampler sampler = new RunSampler(metrics, folder, -1, startMs, t - 1_000_000_000L, 10_000, HealthProbe.NONE, null,
            "sendMessage", 60_000);
        sampler.close(); // the last interval: the one the verdict reads
        folder.writeSummary(new RunSummary("run", "test", "p", startMs, startMs + 1000,
            new RunSummary.TargetInfo("embedded", "Rocket.Chat", "7.0.0", "http://127.0.0.1:1", 1, 512, 1),
            new RunSummary.Phases(0, 0, 60_000, 1, 1, 1), metrics.counters().totals(), metrics.counters().errors(),
            metrics.deliveries().totals(), sampler.health().toSummary(metrics.clock()), 1, false, null,
            metrics.clientFailures(), null, null));

        RunSummary written = folder.readSummary();
        assertThat(written.errors()).containsEntry("listener-error", 2L).containsEntry("malformed-frame", 1L)
            .containsEntry("protocol-error", 1L).doesNotContainKey("timeout");
        assertThat(written.client()).isEqualTo(new RunSummary.ClientFailures(2, 1, 1, 3, 0));

        Measurement m = Evaluation.measure(folder);
        assertThat(m.counts().errors()).isEqualTo(4);
        Verdict v = VerdictEvaluator.evaluate("p", new Slos(Map.of(), 1.0, 0, 10), new InjectorBudget(100, 1000, 1000), m);
        SloResult errors = v.slos().stream().filter(r -> r.name().equals("errors")).findFirst().orElseThrow();
        // 4 of 100 attempted > 1 %: before, the client's own failures were nowhere and this passed
        assertThat(errors.outcome()).isEqualTo(SloResult.Outcome.MISSED);
        assertThat(errors.text()).contains("listener-error 2", "malformed-frame 1", "protocol-error 1");
        assertThat(v.status()).isEqualTo(Status.FAIL);

        assertThat(MainJob.clientFailureLines(new RunSummary.ClientFailures(2, 0, 0, 3, 346))).containsExactly(
            "client failures: {listener exceptions=2, call timeouts=3}",
            "receipts matching no send of this injector (bots, webhooks, uploads; not errors): 346");
        assertThat(MainJob.clientFailureLines(new RunSummary.ClientFailures(0, 0, 0, 0, 346)))
            .as("unmatched receipts alone are not called failures").noneMatch(l -> l.startsWith("client failures"));
        assertThat(MainJob.clientFailureLines(RunSummary.ClientFailures.NONE)).isEmpty();

        String html = Files.readString(RunReportWriter.write(folder.dir()));
        assertThat(html).contains("Client failures (whole run)", "listener exceptions", "call timeouts")
            .doesNotContain("<td>receipts matching no send</td>", "are not failures");
    }
}
