package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAListOfProfilesWithSloLines() throws Exception {
        List<VerdictView> v = VerdictView.parse(JSON.readTree("""
            {"profiles":[{"profile":"minimal-vps","status":"fail","reasons":["p99 too high",{"message":"lag"}],
              "slos":[{"metric":"sendMessage","percentile":99,"thresholdMs":1500,"measuredMs":1840.5,"marginMs":-340.5,"pass":false}]}]}
            """));
        assertThat(v).hasSize(1);
        assertThat(v.get(0).profile()).isEqualTo("minimal-vps");
        assertThat(v.get(0).status()).isEqualTo("FAIL");
        assertThat(v.get(0).reasons()).containsExactly("p99 too high", "lag");
        assertThat(v.get(0).slos()).containsExactly(new VerdictView.SloLine("sendMessage p99", "1,500 ms", "1,840.50 ms", "-340.50 ms", "FAIL"));
    }

    @Test
    void readsAMapByProfileASingleVerdictAndNothing() throws Exception {
        assertThat(VerdictView.parse(JSON.readTree("{\"profiles\":{\"a\":{\"status\":\"PASS\"},\"b\":{}}}")))
            .extracting(VerdictView::profile, VerdictView::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "PASS"), org.assertj.core.groups.Tuple.tuple("b", "INCONCLUSIVE"));
        assertThat(VerdictView.parse(JSON.readTree("{\"status\":\"INCONCLUSIVE\",\"reasons\":\"injector CPU 97 %\"}")).get(0).reasons())
            .containsExactly("injector CPU 97 %");
        assertThat(VerdictView.parse(JSON.readTree("[{\"name\":\"x\",\"status\":\"PASS\",\"checks\":{\"error rate\":{\"limit\":\"1 %\",\"measured\":\"0 %\"}}}]"))
            .get(0).slos()).containsExactly(new VerdictView.SloLine("error rate", "1 %", "0 %", "", ""));
        assertThat(VerdictView.parse(null)).isEmpty();
    }
}
