package io.rcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.Slos;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BreachWatchTest {
    private static final Slos SLOS = new Slos(Map.of(
        "sendMessage", new Slos.LatencySlo("sendMessage", List.of(new Slos.PercentileLimit(95, Duration.ofMillis(500))), true),
        "upload.image", new Slos.LatencySlo("upload.image", List.of(new Slos.PercentileLimit(95, Duration.ofMillis(100))), false)),
        1, 0, 1);

    private static Map<String, Histogram> interval(String metric, long millis, int count) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(millis * 1000, count);
        return Map.of(metric, h);
    }

    @Test
    void stopsAfterTheBreachIsSustained() {
        BreachWatch w = new BreachWatch(SLOS, 2.0, 3, 5);
        assertThat(w.offer(interval("sendMessage", 1500, 10))).isFalse();
        assertThat(w.offer(interval("sendMessage", 1500, 10))).isFalse();
        assertThat(w.offer(interval("sendMessage", 1500, 10))).isTrue();
        assertThat(w.lastBreach()).startsWith("sendMessage p95");
    }

    @Test
    void aGoodIntervalResetsTheCount() {
        BreachWatch w = new BreachWatch(SLOS, 2.0, 3, 5);
        w.offer(interval("sendMessage", 1500, 10));
        w.offer(interval("sendMessage", 1500, 10));
        assertThat(w.offer(interval("sendMessage", 600, 10))).as("over the SLO but not twice over").isFalse();
        assertThat(w.offer(interval("sendMessage", 1500, 10))).isFalse();
    }

    @Test
    void ignoresThinIntervalsAndOptionalSlos() {
        BreachWatch w = new BreachWatch(SLOS, 2.0, 2, 5);
        assertThat(w.offer(interval("sendMessage", 5000, 2))).isFalse();
        assertThat(w.offer(interval("sendMessage", 5000, 2))).as("two samples prove nothing").isFalse();
        assertThat(w.offer(interval("upload.image", 5000, 50))).isFalse();
        assertThat(w.offer(interval("upload.image", 5000, 50))).as("optional SLOs never stop a step").isFalse();
    }
}
