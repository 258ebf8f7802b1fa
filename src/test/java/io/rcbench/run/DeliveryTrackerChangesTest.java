package io.rcbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changes of messages (edits, reactions, deletes) as deliveries: expected of the members with the room open but the
 * actor, each receipt matched to the oldest change of its message and kind, counted in the same totals as messages;
 * what no change explains is counted, never dropped.
 */
class DeliveryTrackerChangesTest {
    private final DeliveryTracker t = new DeliveryTracker(Duration.ofSeconds(5));
    private final List<Long> latencies = new ArrayList<>();

    private void viewers(String... uids) {
        for (String u : uids) {
            t.viewing("R", u);
        }
    }

    @Test
    void aChangeIsExpectedOfTheRoomsViewersButTheActorAndMatchedByKind() {
        viewers("a", "b", "c");
        t.listen("R", "d"); // a member with another room open receives messages, not changes
        assertThat(t.changed("m1", DeliveryTracker.UPDATE, "R", "a", 1_000_000)).isEqualTo(2);
        assertThat(t.changed("m1", DeliveryTracker.DELETE, "R", "b", 2_000_000)).isEqualTo(2);

        t.receivedChange("m1", DeliveryTracker.UPDATE, "b", 4_000_000, latencies::add);
        t.receivedChange("m1", DeliveryTracker.DELETE, "a", 5_000_000, latencies::add);
        t.receivedChange("m1", DeliveryTracker.UPDATE, "a", 5_000_000, latencies::add); // the actor's own echo
        assertThat(latencies).containsExactly(3_000L, 3_000L);
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(4, 2, 0));
        assertThat(t.duplicates()).isZero();
        assertThat(t.unmatched()).isZero();

        // c never gets either: both lost after the timeout, counted with the messages' losses
        assertThat(t.expire(1_000_000 + Duration.ofSeconds(6).toNanos())).isEqualTo(2);
        assertThat(t.totals()).isEqualTo(new RunSummary.Deliveries(4, 2, 2));
        assertThat(t.inFlight()).isZero();
    }

    @Test
    void twoChangesOfOneMessageAreMatchedOldestFirstAndAThirdReceiptIsADuplicate() {
        viewers("a", "b");
        t.changed("m1", DeliveryTracker.UPDATE, "R", "a", 1_000_000);
        t.changed("m1", DeliveryTracker.UPDATE, "R", "a", 3_000_000);
        t.receivedChange("m1", DeliveryTracker.UPDATE, "b", 4_000_000, latencies::add);
        t.receivedChange("m1", DeliveryTracker.UPDATE, "b", 5_000_000, latencies::add);
        t.receivedChange("m1", DeliveryTracker.UPDATE, "b", 6_000_000, latencies::add);
        assertThat(latencies).containsExactly(3_000L, 2_000L);
        assertThat(t.duplicates()).isEqualTo(1);
    }

    @Test
    void aChangeNobodyRegisteredIsUnmatchedNotDropped() {
        viewers("a", "b");
        t.receivedChange("other", DeliveryTracker.DELETE, "b", 1, latencies::add);
        assertThat(t.unmatched()).isEqualTo(1);
        assertThat(latencies).isEmpty();
    }

    @Test
    void aFailedChangeAndAViewerWhoLeavesAreNoLongerExpected() {
        viewers("a", "b", "c");
        t.changed("m1", DeliveryTracker.UPDATE, "R", "a", 1_000_000);
        t.changed("m2", DeliveryTracker.UPDATE, "R", "a", 2_000_000);
        t.cancelChange("m1", "a", 1_000_000);
        t.unviewing("R", "c");
        assertThat(t.totals().expected()).isEqualTo(1);
        assertThat(t.changed("m3", DeliveryTracker.UPDATE, "R", "a", 3_000_000)).as("c switched away").isEqualTo(1);
        assertThat(t.expireAll()).isEqualTo(2);
    }

    @Test
    void awaitsTellsANewMessageFromAChange() {
        t.listen("R", "a");
        t.listen("R", "b");
        t.sent("m1", "R", "a", 1);
        assertThat(t.awaits("m1", "b")).isTrue();
        assertThat(t.awaits("m1", "a")).as("the sender").isFalse();
        t.received("m1", "b", 2, latencies::add);
        assertThat(t.awaits("m1", "b")).isFalse();
    }
}
