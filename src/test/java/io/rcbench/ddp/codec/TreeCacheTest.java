package io.rcbench.ddp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Identical args are parsed once per thread; anything else, however it collides, gets its own correct tree. */
class TreeCacheTest {
    @Test
    void identicalArgsInDifferentFramesShareOneTree() {
        TreeCache cache = new TreeCache(64);
        String args = "[{\"_id\":\"m1\",\"msg\":\"hello\",\"u\":{\"_id\":\"u1\"}}]";
        String a = "{\"msg\":\"changed\",\"fields\":{\"eventName\":\"u1/x\",\"args\":" + args + "}}";
        String b = "{\"msg\":\"changed\",\"fields\":{\"eventName\":\"u22/x\",\"args\":" + args + "}}";
        JsonNode first = cache.tree(a, a.indexOf('['), a.lastIndexOf(']') + 1);
        JsonNode second = cache.tree(b, b.indexOf('['), b.lastIndexOf(']') + 1);
        assertThat(second).isSameAs(first);
        assertThat(first.path(0).path("u").path("_id").asText()).isEqualTo("u1");
    }

    @Test
    void collisionsAndNearMissesNeverReturnAnotherValuesTree() {
        TreeCache one = new TreeCache(1); // every value collides
        for (int round = 0; round < 3; round++) {
            for (String v : new String[] {"{\"_id\":\"m1\"}", "{\"_id\":\"m2\"}", "[\"m1\"]", "{\"_id\":\"m1\" }"}) {
                String frame = "xx" + v + "yy";
                assertThat(one.tree(frame, 2, 2 + v.length()).toString()).isEqualTo(v.replace(" ", ""));
            }
        }
    }

    @Test
    void largeArgsAreNotKept() {
        TreeCache cache = new TreeCache(64);
        String big = "[\"" + "x".repeat(TreeCache.MAX_CHARS) + "\"]";
        JsonNode first = cache.tree(big, 0, big.length());
        assertThat(cache.tree(big, 0, big.length())).isNotSameAs(first).isEqualTo(first);
    }
}
