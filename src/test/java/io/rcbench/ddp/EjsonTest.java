package io.rcbench.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EjsonTest {
    @Test
    void readsEjsonDatesAndIsoStrings() {
        assertThat(Ejson.instant(Ejson.date(1700000000123L))).isEqualTo(Instant.ofEpochMilli(1700000000123L));
        assertThat(Ejson.instant(Json.parse("\"2023-11-14T22:13:20.123Z\""))).isEqualTo(Instant.ofEpochMilli(1700000000123L));
        assertThat(Ejson.instant(Json.parse("{\"$date\":\"x\"}"))).isNull();
        assertThat(Ejson.instant(null)).isNull();
    }

    @Test
    void restFormTurnsNestedDatesIntoIsoStrings() {
        var doc = Json.parse("{\"ts\":{\"$date\":0},\"list\":[{\"at\":{\"$date\":1000}}],\"n\":1}");
        assertThat(Json.write(Ejson.toRest(doc)))
            .isEqualTo("{\"ts\":\"1970-01-01T00:00:00Z\",\"list\":[{\"at\":\"1970-01-01T00:00:01Z\"}],\"n\":1}");
    }
}
