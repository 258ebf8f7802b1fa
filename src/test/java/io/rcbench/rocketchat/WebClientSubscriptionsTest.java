package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.rocketchat.WebClientSubscriptions.Profile;
import io.rcbench.rocketchat.WebClientSubscriptions.Sub;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebClientSubscriptionsTest {
    @Test
    void aWebClientOpensThirtyFiveSubscriptionsAfterLoginAndFourPerRoom() {
        List<Sub> subs = WebClientSubscriptions.afterLogin(Profile.WEB, "u1");
        assertThat(subs).hasSize(35);
        assertThat(subs).filteredOn(s -> s.name().equals("stream-notify-user")).hasSize(10)
            .allSatisfy(s -> assertThat(s.params().get(0).asText()).startsWith("u1/"));
        assertThat(subs).filteredOn(s -> s.name().equals("stream-notify-logged")).hasSize(13);
        assertThat(subs).filteredOn(s -> s.name().equals("stream-apps")).hasSize(9);
        assertThat(WebClientSubscriptions.perRoom(Profile.WEB, "r1")).extracting(s -> s.params().get(0).asText())
            .containsExactly("r1", "r1/user-activity", "r1/deleteMessage", "r1/deleteMessageBulk");
    }

    @Test
    void streamParamsUseTheCurrentObjectForm() {
        Sub s = WebClientSubscriptions.stream("stream-room-messages", "GENERAL");
        assertThat(s.params().toString()).isEqualTo("[\"GENERAL\",{\"useCollection\":false,\"args\":[]}]");
        assertThat(WebClientSubscriptions.presence(Set.of("a"), Set.of()).params().toString())
            .isEqualTo("[\"\",{\"added\":[\"a\"],\"removed\":[]}]");
    }

    @Test
    void mobileClientsOpenFewer() {
        assertThat(WebClientSubscriptions.afterLogin(Profile.MOBILE, "u1")).hasSize(6);
        assertThat(WebClientSubscriptions.perRoom(Profile.MOBILE, "r")).hasSize(3);
    }
}
