package io.rcbench.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.codec.RawJson;
import org.junit.jupiter.api.Test;

class ReceivedMessageTest {
    private static final String MESSAGE = "[{\"_id\":\"m1\",\"rid\":\"r1\",\"msg\":\"re:abc status: ok\",\"ts\":{\"$date\":1},"
        + "\"u\":{\"_id\":\"u1\",\"username\":\"user.1\",\"name\":\"User 1\"},\"md\":[{\"type\":\"PARAGRAPH\",\"value\":"
        + "[{\"type\":\"PLAIN_TEXT\",\"value\":\"re:abc\"}]}],\"mentions\":[],\"channels\":[],\"_updatedAt\":{\"$date\":2},"
        + "\"file\":{\"_id\":\"f1\",\"name\":\"a b.png\",\"type\":\"image/png\"}},{\"extra\":true}]";

    @Test
    void keepsTheFieldsAUserActsOnAsTheFullTreeHasThem() {
        JsonNode full = RawJson.of(MESSAGE).tree().path(0);
        JsonNode m = ReceivedMessage.first(RawJson.of(MESSAGE));
        for (String field : new String[] {"_id", "rid", "msg"}) {
            assertThat(m.path(field)).isEqualTo(full.path(field));
        }
        assertThat(m.path("u").path("_id").asText()).isEqualTo("u1");
        assertThat(m.path("file").path("_id").asText()).isEqualTo("f1");
        assertThat(m.path("file").path("name").asText()).isEqualTo("a b.png");
        assertThat(m.has("editedAt")).isFalse();
        assertThat(m.has("md")).isFalse();
    }

    @Test
    void anEditIsRecognisedAndAMessageWithoutFileHasNone() {
        JsonNode m = ReceivedMessage.first(RawJson.of(
            "[{\"_id\":\"m2\",\"msg\":\"x\",\"u\":{\"_id\":\"u2\"},\"editedAt\":{\"$date\":3}}]"));
        assertThat(m.has("editedAt")).isTrue();
        assertThat(m.path("file").isMissingNode()).isTrue();
        assertThat(m.path("u").path("_id").asText()).isEqualTo("u2");
    }

    @Test
    void unexpectedArgsFallBackToTheFullTree() {
        assertThat(ReceivedMessage.first(RawJson.of("[\"not an object\"]")).asText()).isEqualTo("not an object");
        assertThat(ReceivedMessage.first(RawJson.of("{\"_id\":\"m3\"}")).isMissingNode()).isTrue();
        assertThat(ReceivedMessage.first(RawJson.of("[{\"_id\":")).isMissingNode()).isTrue();
    }
}
