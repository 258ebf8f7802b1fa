package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.TimelinePoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on the embedded workspace whose users act rarely (a message every 30 s, a 6 s hold): every active user is
 * counted as active through the whole hold, and the hold window of summary.json is the very interval the latency
 * log, the timeline and the deliveries are judged over.
 */
class HoldWindowRunTest {
    @TempDir
    Path reports;

    @Test
    void activeUsersCountUntilTheHoldEndsAndEveryFigureUsesTheSameWindow() throws Exception {
        List<String> overrides = new ArrayList<>(CapacityJobTest.TEST_MIX);
        overrides.add("mix.messagesPerActiveUserPerMinute=2");
        // logins are slow on a loaded 2-CPU machine: a long warm-up has every user logged in before the hold
        overrides.addAll(List.of("population.users=8", "population.activeUsers=4", "population.idleConnectedUsers=2",
            "warmup.seconds=20"));
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", overrides);
        JobSpec spec = ProfilePlans.jobSpec(p, "hold", new ProfilePlans.Target(null, "ddp", 9, false, null),
            reports, List.of());

        MainJob.Outcome o = new MainJob(spec, io.rcbench.cli.Wiring.adapters(), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8)).run();

        RunFolder run = o.folder();
        RunSummary s = run.readSummary();
        long from = s.phases().holdStartMs();
        long to = s.phases().holdEndMs();
        assertThat(to - from).as("whole intervals of the 6 s hold").isBetween(5_000L, 6_000L);
        assertThat(from % 1000).as("hold start on an interval boundary").isZero();
        assertThat(to % 1000).as("hold end on an interval boundary").isZero();

        List<TimelinePoint> inHold = run.readTimeline().stream().filter(t -> t.tMs() > from && t.tMs() <= to).toList();
        assertThat(inHold).hasSize((int) ((to - from) / 1000));
        assertThat(inHold).as("nobody leaves the active users before the hold ends").extracting(TimelinePoint::activeUsers)
            .isSorted().last().isEqualTo(s.phases().activeUsers());

        // the latency log's intervals are the timeline's: each starts on a boundary the hold is made of
        Matcher m = Pattern.compile("(?m)^Tag=[^,]+,([0-9.]+),([0-9.]+),").matcher(Files.readString(run.latencyLog(-1)));
        List<Long> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(Math.round(Double.parseDouble(m.group(1)) * 1000));
        }
        assertThat(starts).isNotEmpty().allSatisfy(st -> assertThat(st % 1000).as("interval start %d", st).isZero());

        assertThat(s.holdDeliveries()).as("deliveries of the hold's messages").isNotNull();
        assertThat(s.holdDeliveries().expected()).isLessThanOrEqualTo(s.deliveries().expected());
    }
}
