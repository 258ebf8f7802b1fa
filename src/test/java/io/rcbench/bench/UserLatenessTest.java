package io.rcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.RunFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated users are not the bottleneck: the default run ({@code ci-smoke}, hold shortened) on an idle embedded
 * workspace, where the only waiting is the target's, must show each frequent action's corrected latency close to its
 * raw (wire) latency. The benchmark's target is {@code corrected p99 <= 1.2 x raw p99 + 5 ms}; the bounds here are
 * looser, for a loaded 2-core CI machine whose injector lags (a late start counts as corrected: typing's median
 * start was 40 ms late in one run at load average 14 while 100 users logged in on the one-CPU workspace), yet far
 * below what users that waited on their own earlier calls showed: sendMessage corrected p99 0.8 s against raw
 * 87 ms, typing p99 0.79 s against 35 ms, which the p99 bound fails by far.
 */
class UserLatenessTest {
    @Test
    void correctedLatencyIsTheTargetsNotTheUsers(@TempDir Path dir) throws Exception {
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", List.of("hold.seconds=30"));
        RunFolder run = UserLatenessBench.run(io.rcbench.cli.Wiring.adapters(), p, dir, System.out);
        List<UserLatenessBench.Row> rows = UserLatenessBench.rows(run);
        UserLatenessBench.print("ci-smoke, 30 s hold", rows, System.out);

        // on a loaded machine the 1-core workspace may still be busy with the ramp's logins when the hold starts, and
        // users begin their schedules late: judge every action with samples enough for a median and a tail
        List<UserLatenessBench.Row> frequent = rows.stream().filter(r -> r.count() >= 20).toList();
        assertThat(frequent).extracting(UserLatenessBench.Row::action).contains("sendMessage", "read");
        for (UserLatenessBench.Row r : frequent) {
            assertThat(r.correctedP50()).as("%s corrected p50 (ms) vs raw %.2f ms", r.action(), r.rawP50())
                .isLessThanOrEqualTo(1.5 * r.rawP50() + 50);
            assertThat(r.correctedP99()).as("%s corrected p99 (ms) vs raw %.2f ms", r.action(), r.rawP99())
                .isLessThanOrEqualTo(2 * r.rawP99() + 250);
        }
    }
}
