package io.rcbench.ddp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdpEncoderTest {
    @Test
    void methodCallCarriesEveryKindOfParam() {
        byte[] b = DdpEncoder.method("5", "loadHistory", "GENERAL", null, 50, Instant.ofEpochMilli(1234),
            Json.object().put("a", "ü"), Map.of("k", List.of(true)));
        assertThat(Json.parse(new String(b, StandardCharsets.UTF_8))).isEqualTo(Json.parse(
            "{\"msg\":\"method\",\"id\":\"5\",\"method\":\"loadHistory\",\"params\":[\"GENERAL\",null,50,{\"$date\":1234},"
                + "{\"a\":\"ü\"},{\"k\":[true]}]}"));
    }

    @Test
    void subUnsubPingPongAndConnect() {
        assertThat(text(DdpEncoder.sub("s1", "stream-notify-user", "u/message", false)))
            .isEqualTo("{\"msg\":\"sub\",\"id\":\"s1\",\"name\":\"stream-notify-user\",\"params\":[\"u/message\",false]}");
        assertThat(text(DdpEncoder.unsub("s1"))).isEqualTo("{\"msg\":\"unsub\",\"id\":\"s1\"}");
        assertThat(text(DdpEncoder.pong("x"))).isEqualTo("{\"msg\":\"pong\",\"id\":\"x\"}");
        assertThat(text(DdpEncoder.ping(null))).isEqualTo("{\"msg\":\"ping\"}");
        assertThat(Json.parse(text(DdpEncoder.CONNECT)).path("support").size()).isEqualTo(3);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
