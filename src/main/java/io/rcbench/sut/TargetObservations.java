package io.rcbench.sut;

import io.rcbench.verdict.ObservedTarget;
import io.rcbench.workspace.Observation;
import io.rcbench.workspace.WorkspaceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Observes a target for the check against the profile's envelope: the embedded workspace's process as the operating
 * system and its JVM report it, or a real target's {@code /api/info} and Prometheus endpoint. What cannot be
 * observed stays empty and is reported as not checked.
 */
final class TargetObservations {
    private TargetObservations() {
    }

    /** The embedded workspace's process now: CPUs, heap limit, peak resident memory, disk. */
    static ObservedTarget embedded(WorkspaceProcess ws, String version) {
        try {
            Observation o = ws.observe();
            return ObservedTarget.embedded(version, o.cpus().toString(), o.cpus().size(), o.heapMaxMb(),
                o.peakResidentMb(), new ObservedTarget.CpuSharing(o.injectorCpus().toString(), o.sharesCpus()), o.disk());
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: nothing observed, nothing matched
            return new ObservedTarget("embedded workspace (not observable: " + e.getMessage() + ")",
                Optional.of("rcbench-workspace"), Optional.of(version), OptionalInt.of(1), OptionalDouble.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        }
    }

    /** A target reached by URL: version from preflight, instances and resident memory from Prometheus if given. */
    static ObservedTarget remote(TargetFacts facts, URI prometheus, PrintStream console) {
        ObservedTarget observed = new ObservedTarget(Preflight.safe(facts.baseUrl()),
            Optional.ofNullable(facts.info().product()), Optional.ofNullable(facts.info().version()),
            OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty());
        if (prometheus == null) {
            return observed;
        }
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return ObservedTarget.fromPrometheus(Preflight.safe(prometheus), r.body());
            }
            console.println("target check: Prometheus endpoint answered " + r.statusCode());
        } catch (IOException | RuntimeException e) {
            console.println("target check: Prometheus endpoint not reachable (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return observed;
    }
}
