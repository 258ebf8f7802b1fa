package io.rcbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {
    private final DeliveryTracker t = new DeliveryTracker(Duration.ofSeconds(30));
    private final List<Long> latencies = new ArrayList<>();

    private void inRoom(String... users) {
        for (String u : users) {
            t.listen("r", u);
        }
    }

    @Test
    void everyListenerButTheSenderIsExpectedOnce() {
        inRoom("a", "b", "c");
        assertThat(t.sent("m1", "r", "a", 1_000_000)).isEqualTo(2);
        t.received("m1", "b", 3_000_000, latencies::add);
        t.received("m1", "b", 4_000_000, latencies::add);
        t.received("m1", "a", 4_000_000, latencies::add);
        t.received("m1", "c", 5_000_000, latencies::add);
        assertThat(latencies).containsExactly(2_000L, 4_000L);
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(2, 2, 0));
        assertThat(t.duplicates()).as("a duplicate and the sender's echo").isEqualTo(2);
        assertThat(t.unmatched()).as("both copies are of a known message").isZero();
        assertThat(t.inFlight()).isZero();
    }

    @Test
    void aMemberThatLeavesIsNoLongerExpected() {
        inRoom("a", "b", "c");
        t.sent("m1", "r", "a", 0);
        t.unlisten("r", "c");
        t.received("m1", "b", 1_000, latencies::add);
        assertThat(t.expireAll()).isZero();
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(1, 1, 0));
    }

    @Test
    void whatNeverArrivesIsLostAfterTheTimeout() {
        inRoom("a", "b", "c");
        t.sent("m1", "r", "a", 0);
        t.received("m1", "b", 1_000, latencies::add);
        assertThat(t.expire(Duration.ofSeconds(10).toNanos())).as("not yet").isZero();
        assertThat(t.expire(Duration.ofSeconds(31).toNanos())).isEqualTo(1);
        t.received("m1", "c", Duration.ofSeconds(32).toNanos(), latencies::add);
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(2, 1, 1));
        assertThat(t.unmatched()).as("the late receipt").isEqualTo(1);
    }

    @Test
    void aFailedSendExpectsNothing() {
        inRoom("a", "b");
        t.sent("m1", "r", "a", 0);
        t.cancel("m1");
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(0, 0, 0));
        assertThat(t.sent("m2", "other-room", "a", 0)).isZero();
    }

    @Test
    void lostDeliveriesOfMessagesSentOutsideTheHoldAreNotTheHolds() {
        inRoom("a", "b", "c");
        t.holdWindow(sent -> sent >= 10_000_000_000L && sent < 20_000_000_000L);
        t.sent("warm-up", "r", "a", 5_000_000_000L);  // both receipts lost, before the hold
        t.sent("held", "r", "a", 12_000_000_000L);    // one received, one lost
        t.sent("drain", "r", "a", 21_000_000_000L);   // both lost, after the hold
        t.received("held", "b", 12_100_000_000L, latencies::add);
        t.expireAll();
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(6, 1, 5));
        assertThat(t.hold()).isEqualTo(new RunSummary.Deliveries(2, 1, 1));
    }
}
