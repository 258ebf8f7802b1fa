package io.rcbench.ddp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import org.junit.jupiter.api.Test;

class DdpDecoderTest {
    private final InboundFrame f = new InboundFrame();

    @Test
    void streamEventKeepsArgsAsAnExactSliceWhateverTheKeyOrder() {
        String text = "{\"fields\":{\"args\":[{\"_id\":\"m1\",\"msg\":\"a]}\\\"b\",\"ts\":{\"$date\":1}}],\"eventName\":\"GENERAL\"},"
            + "\"id\":\"id\",\"collection\":\"stream-room-messages\",\"msg\":\"changed\"}";
        DdpDecoder.decode(text, f);
        assertThat(f.type()).isEqualTo(MessageType.CHANGED);
        assertThat(f.collection()).isEqualTo("stream-room-messages");
        assertThat(f.eventName()).isEqualTo("GENERAL");
        assertThat(f.id()).isEqualTo("id");
        assertThat(f.args().text()).isEqualTo("[{\"_id\":\"m1\",\"msg\":\"a]}\\\"b\",\"ts\":{\"$date\":1}}]");
        assertThat(f.args().tree().get(0).path("msg").asText()).isEqualTo("a]}\"b");
        assertThat(Json.parse(f.fields().text()).path("eventName").asText()).isEqualTo("GENERAL");
    }

    @Test
    void argsAreParsedInThePassOnceTheirRouteAskedForATree() {
        String text = "{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\",\"fields\":"
            + "{\"eventName\":\"R1\",\"args\":[{\"_id\":\"m1\"}]}}";
        boolean[] eager = {false};
        int[] lookups = {0};
        TreeDemand demand = new TreeDemand() {
            @Override
            public boolean eager() {
                return eager[0];
            }

            @Override
            public void treeRequested() {
                eager[0] = true;
            }
        };
        TreeDemand.Lookup lookup = (collection, event) -> {
            lookups[0]++;
            return "R1".equals(event) ? demand : null;
        };
        DdpDecoder.decode(text, f, lookup);
        RawJson lazy = f.args();
        assertThat(eager[0]).isFalse();
        assertThat(lazy.tree().get(0).path("_id").asText()).isEqualTo("m1");
        assertThat(eager[0]).as("the first tree() teaches the route").isTrue();
        DdpDecoder.decode(text, f, lookup);
        RawJson parsed = f.args();
        assertThat(parsed.tree()).isSameAs(parsed.tree()).isEqualTo(lazy.tree());
        assertThat(parsed.text()).isEqualTo("[{\"_id\":\"m1\"}]");
        assertThat(lookups[0]).isEqualTo(2);
        DdpDecoder.decode(text.replace("R1", "R2"), f, lookup);
        assertThat(f.args().text()).isEqualTo("[{\"_id\":\"m1\"}]");
    }

    @Test
    void repeatedTokensAreTheSameStringInstance() {
        String text = "{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\",\"fields\":{\"eventName\":\"GENERAL\",\"args\":[]}}";
        DdpDecoder.decode(text, f);
        String collection = f.collection();
        String event = f.eventName();
        DdpDecoder.decode(new String(text.toCharArray()), f);
        assertThat(f.collection()).isSameAs(collection);
        assertThat(f.eventName()).isSameAs(event);
    }

    @Test
    void resultDistinguishesMissingFromNullAndCarriesErrors() {
        DdpDecoder.decode("{\"msg\":\"result\",\"id\":\"1\"}", f);
        assertThat(f.result().isAbsent()).isTrue();
        DdpDecoder.decode("{\"msg\":\"result\",\"id\":\"1\",\"result\":null}", f);
        assertThat(f.result().isAbsent()).isFalse();
        assertThat(f.result().tree().isNull()).isTrue();
        DdpDecoder.decode("{\"msg\":\"result\",\"id\":\"2\",\"error\":{\"error\":404,\"reason\":\"Method 'x' not found\"}}", f);
        assertThat(f.error().path("error").asInt()).isEqualTo(404);
        assertThat(f.id()).isEqualTo("2");
    }

    @Test
    void readyAndUpdatedListTheirIds() {
        DdpDecoder.decode("{\"msg\":\"ready\",\"subs\":[\"a\",\"b\"]}", f);
        assertThat(f.type()).isEqualTo(MessageType.READY);
        assertThat(f.ids()).containsExactly("a", "b");
        DdpDecoder.decode("{\"msg\":\"updated\",\"methods\":[\"7\"]}", f);
        assertThat(f.ids()).containsExactly("7");
    }

    @Test
    void framesWithoutMsgOrWithServerIdAreIgnorable() {
        DdpDecoder.decode("{\"server_id\":\"0\"}", f);
        assertThat(f.type()).isEqualTo(MessageType.SERVER_ID);
        DdpDecoder.decode("{\"msg\":\"server_id\",\"server_id\":\"0\"}", f);
        assertThat(f.type()).isEqualTo(MessageType.SERVER_ID);
        DdpDecoder.decode("{\"hello\":\"world\"}", f);
        assertThat(f.type()).isEqualTo(MessageType.NO_MSG);
    }

    @Test
    void malformedFramesSayWhy() {
        assertMalformed("", MalformedReason.NOT_JSON);
        assertMalformed("{\"msg\":\"ping\"} trailing", MalformedReason.NOT_JSON);
        assertMalformed("{\"msg\":", MalformedReason.NOT_JSON);
        assertMalformed("[]", MalformedReason.NOT_AN_OBJECT);
        assertMalformed("{\"msg\":\"nonsense\"}", MalformedReason.UNKNOWN_MESSAGE);
        assertMalformed("{\"msg\":\"nosub\"}", MalformedReason.MISSING_FIELD);
        assertMalformed("{\"msg\":\"added\",\"id\":\"x\"}", MalformedReason.MISSING_FIELD);
    }

    private void assertMalformed(String text, MalformedReason reason) {
        DdpDecoder.decode(text, f);
        assertThat(f.type()).as(text).isEqualTo(MessageType.MALFORMED);
        assertThat(f.malformed()).as(text).isEqualTo(reason);
    }
}
