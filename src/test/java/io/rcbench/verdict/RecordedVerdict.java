package io.rcbench.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rcbench.run.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code verdict.json} as read back by tests (one profile judged), and the status its own recorded facts
 * imply: the verdict rules of docs/profiles-and-verdicts.md applied to the SLO outcomes and reasons it lists. Tests of a
 * real run cannot know in advance whether a shared machine kept the injector within budget, but they can pin that the
 * verdict is exactly the one those facts call for, and that the exit code says it.
 *
 * @param reasons why it is INCONCLUSIVE, as recorded
 * @param slos    each SLO by name ({@code sendMessage p95}, {@code errors}, {@code lost deliveries})
 */
public record RecordedVerdict(String profile, Status status, List<String> reasons, Map<String, Slo> slos) {
    /** One SLO line of the file. */
    public record Slo(String name, SloResult.Outcome outcome, long samples, String text) {
    }

    /** The single profile's verdict in {@code runDir/verdict.json}. */
    public static RecordedVerdict read(Path runDir) throws IOException {
        JsonNode root = new ObjectMapper().readTree(runDir.resolve(RunFolder.VERDICT).toFile());
        assertThat(root.path("profiles")).as("profiles judged in verdict.json").hasSize(1);
        JsonNode p = root.path("profiles").get(0);
        List<String> reasons = new ArrayList<>();
        p.path("reasons").forEach(r -> reasons.add(r.asText()));
        Map<String, Slo> slos = new LinkedHashMap<>();
        p.path("slos").forEach(s -> slos.put(s.path("name").asText(), new Slo(s.path("name").asText(),
            SloResult.Outcome.valueOf(s.path("status").asText()), s.path("samples").asLong(), s.path("text").asText())));
        return new RecordedVerdict(p.path("profile").asText(), Status.valueOf(p.path("status").asText()), reasons, slos);
    }

    /** Reasons that distrust the figures themselves: the injector over budget (or unwatched), or the envelope. */
    public List<String> untrustedReasons() {
        List<String> fewTexts = outcomes(SloResult.Outcome.TOO_FEW_SAMPLES).stream().map(Slo::text).toList();
        return reasons.stream().filter(r -> !fewTexts.contains(r)).toList();
    }

    public List<Slo> outcomes(SloResult.Outcome outcome) {
        return slos.values().stream().filter(s -> s.outcome() == outcome).toList();
    }

    /**
     * The status the recorded facts call for: INCONCLUSIVE when the figures cannot be trusted (injector, envelope),
     * else FAIL on any miss, else INCONCLUSIVE on a required SLO with too few samples, else PASS.
     */
    public Status impliedStatus() {
        if (!untrustedReasons().isEmpty()) {
            return Status.INCONCLUSIVE;
        }
        if (!outcomes(SloResult.Outcome.MISSED).isEmpty()) {
            return Status.FAIL;
        }
        return outcomes(SloResult.Outcome.TOO_FEW_SAMPLES).isEmpty() ? Status.PASS : Status.INCONCLUSIVE;
    }

    /**
     * Pins the verdict to the facts: the exit code is the status's; the status is the implied one; an INCONCLUSIVE
     * verdict names why (each too-few-samples SLO among its reasons); a PASS has every required SLO met.
     */
    public void assertFollowsFromItsFacts(int exitCode) {
        String shown = this.toString();
        assertThat(exitCode).as("exit code of %s", shown).isEqualTo(status.exitCode());
        assertThat(status).as("the status %s's outcomes and reasons call for", shown).isEqualTo(impliedStatus());
        if (status == Status.INCONCLUSIVE) {
            assertThat(reasons).as("an INCONCLUSIVE verdict says why").isNotEmpty();
            assertThat(reasons).as("every required SLO short of samples is a reason")
                .containsAll(outcomes(SloResult.Outcome.TOO_FEW_SAMPLES).stream().map(Slo::text).toList());
            assertThat(untrustedReasons()).as("reasons other than sample counts are about the injector or envelope")
                .allSatisfy(r -> assertThat(r).containsAnyOf("injector", "envelope"));
        }
        if (status == Status.PASS) {
            assertThat(reasons).isEmpty();
            assertThat(outcomes(SloResult.Outcome.MISSED)).isEmpty();
            assertThat(outcomes(SloResult.Outcome.TOO_FEW_SAMPLES)).isEmpty();
        }
    }
}
