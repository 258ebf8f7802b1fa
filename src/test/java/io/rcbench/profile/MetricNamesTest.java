package io.rcbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SLOs may name exactly the metrics a run records: the ones the chat simulation records load, one it never records
 * is refused. (That the simulation records nothing else is checked on a real run in job.EnvelopeRunTest.)
 */
class MetricNamesTest {
    private final ProfileLoader loader = new ProfileLoader(Path.of("profiles"));

    @Test
    void sloOnEveryRecordedMetricLoads() throws Exception {
        for (String metric : List.of("subscribeRoom", "rooms", "resume", "botAnswer", "close", "connect")) {
            Profile p = loader.load("ci-smoke", List.of("slo.latency." + metric + ".p95Ms=2000"));
            assertThat(p.slos().latency()).as(metric).containsKey(metric);
        }
    }

    @Test
    void sloOnAMetricNeverRecordedIsRefused() {
        assertThatThrownBy(() -> loader.load("ci-smoke", List.of("slo.latency.joinRoom.p95Ms=2000")))
            .isInstanceOf(ProfileException.class).hasMessageContaining("unknown metric");
    }

    @Test
    void rawTwinsAndUploadClassesAreRecordedNames() {
        assertThat(MetricNames.isRecorded("sendMessage.raw")).isTrue();
        assertThat(MetricNames.isRecorded("upload.image")).isTrue();
        assertThat(MetricNames.isRecorded("joinRoom")).isFalse();
        assertThat(MetricNames.isRecorded("upload.")).isFalse();
    }
}
