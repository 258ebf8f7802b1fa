package io.rcbench.ddp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SockJsTest {
    @Test
    void wrapsOneFrameAsAJsonArrayOfOneString() {
        byte[] w = SockJs.wrap("{\"msg\":\"ping\",\"q\":\"\\\"\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(w, StandardCharsets.UTF_8)).isEqualTo("[\"{\\\"msg\\\":\\\"ping\\\",\\\"q\\\":\\\"\\\\\\\"\\\"}\"]");
    }

    @Test
    void unwrapsBatchesAndClassifiesControlFrames() {
        List<String> got = new ArrayList<>();
        assertThat(SockJs.unwrap("a[\"{\\\"msg\\\":\\\"ping\\\"}\",\"{\\\"msg\\\":\\\"pong\\\"}\"]", got::add)).isEqualTo(SockJs.Kind.MESSAGES);
        assertThat(got).containsExactly("{\"msg\":\"ping\"}", "{\"msg\":\"pong\"}");
        assertThat(SockJs.unwrap("o", got::add)).isEqualTo(SockJs.Kind.OPEN);
        assertThat(SockJs.unwrap("h", got::add)).isEqualTo(SockJs.Kind.HEARTBEAT);
        assertThat(SockJs.unwrap("c[3000,\"Go away!\"]", got::add)).isEqualTo(SockJs.Kind.CLOSE);
        assertThat(SockJs.unwrap("a[1]", got::add)).isEqualTo(SockJs.Kind.MALFORMED);
        assertThat(SockJs.unwrap("{\"msg\":\"ping\"}", got::add)).isEqualTo(SockJs.Kind.MALFORMED);
    }

    @Test
    void recognisesAndDrawsSockJsPaths() {
        assertThat(SockJs.isSockJsPath("/sockjs/123/abcdefgh/websocket")).isTrue();
        assertThat(SockJs.isSockJsPath("/chat/sockjs/1/x/websocket/")).isTrue();
        assertThat(SockJs.isSockJsPath("/websocket")).isFalse();
        assertThat(SockJs.randomPath("/chat/")).matches("/chat/sockjs/\\d{3}/[a-z0-9]{8}/websocket");
    }
}
