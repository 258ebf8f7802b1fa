package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.RunSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run in which no simulated user ever reached the target is a run error, never a verdict. */
class RunErrorTest {
    private static RunSummary summary(Map<String, RunSummary.ActionCounts> actions) {
        return new RunSummary("r", "test", "p", 0, 1, null, new RunSummary.Phases(0, 0, 1000, 1, 1, 1), actions,
            Map.of("timeout", 5L), new RunSummary.Deliveries(0, 0, 0), null, 1, false, null);
    }

    @Test
    void noSessionEverOpenedIsARunError() {
        String why = MainJob.unusable(summary(Map.of("connect", new RunSummary.ActionCounts(5, 0, 5, 0, 0))));
        assertThat(why).contains("none of 5 simulated users could open a DDP session", "timeout");
    }

    @Test
    void noLoginIsARunError() {
        assertThat(MainJob.unusable(summary(Map.of("connect", new RunSummary.ActionCounts(5, 5, 0, 0, 0),
            "login", new RunSummary.ActionCounts(5, 0, 5, 0, 0))))).contains("could log in");
    }

    @Test
    void aRunWhereSomeUsersGotInIsJudged() {
        assertThat(MainJob.unusable(summary(Map.of("connect", new RunSummary.ActionCounts(5, 1, 4, 0, 0),
            "login", new RunSummary.ActionCounts(1, 1, 0, 0, 0))))).isNull();
    }
}
