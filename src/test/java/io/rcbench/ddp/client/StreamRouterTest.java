package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.codec.RawJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRouterTest {
    private final StreamRouter router = new StreamRouter();
    private final List<String> heard = new ArrayList<>();

    private StreamEvent event(String collection, String eventName) {
        return new StreamEvent(collection, eventName, "id", RawJson.of("[]"), 0);
    }

    @Test
    void dispatchesByEventAndToCollectionWideListeners() {
        StreamListener exact = e -> heard.add("exact " + e.eventName());
        router.add("stream-room-messages", "R1", exact);
        router.add("stream-room-messages", null, e -> heard.add("any " + e.eventName()));
        assertThat(router.dispatch(event("stream-room-messages", "R1"), () -> { })).isEqualTo(2);
        assertThat(router.dispatch(event("stream-room-messages", "R2"), () -> { })).isEqualTo(1);
        assertThat(router.dispatch(event("stream-notify-user", "R1"), () -> { })).isZero();
        router.remove("stream-room-messages", "R1", exact);
        router.dispatch(event("stream-room-messages", "R1"), () -> { });
        assertThat(heard).containsExactly("exact R1", "any R1", "any R2", "any R1");
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        int[] errors = {0};
        router.add("c", "e", e -> {
            throw new IllegalStateException("boom");
        });
        router.add("c", "e", e -> heard.add("second"));
        router.dispatch(event("c", "e"), () -> errors[0]++);
        assertThat(errors[0]).isEqualTo(1);
        assertThat(heard).containsExactly("second");
    }

    @Test
    void treeDemandIsLearnedPerCollectionAndOutlivesItsListeners() {
        StreamListener once = e -> { };
        assertThat(router.lookup("c", "e")).as("nobody listens").isNull();
        router.add("c", "e", once);
        assertThat(router.lookup("c", "e").eager()).isFalse();
        router.lookup("c", "e").treeRequested();
        router.remove("c", "e", once);
        router.add("c", "other", once);
        assertThat(router.lookup("c", "other").eager()).isTrue();
        router.add("d", "e", once);
        assertThat(router.lookup("d", "e").eager()).isFalse();
    }
}
