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

    @Test
    void readsTheVerdictPackagesRecordsAsJacksonWritesThem() throws Exception {
        List<VerdictView> v = VerdictView.parse(VerdictView.MAPPER.readTree("""
            [{"profile":"minimal-vps","status":"FAIL","inconclusiveReasons":[],
              "slos":[{"name":"sendMessage p99","outcome":"MISSED","measured":1420.0,"threshold":1000.0,"unit":"ms",
                       "marginPercent":42.0,"samples":1234,"text":"sendMessage p99 1.42 s > 1 s by 42% (1,234 samples)"},
                      {"name":"delivery p95","outcome":"TOO_FEW_SAMPLES","measured":NaN,"threshold":2000.0,"unit":"ms",
                       "marginPercent":NaN,"samples":3,"text":"delivery p95: 3 samples"}]},
             {"profile":"bare-metal","status":"INCONCLUSIVE","inconclusiveReasons":["injector CPU 97 % > 80 %"],"slos":[]}]
            """));
        assertThat(v).extracting(VerdictView::status).containsExactly("FAIL", "INCONCLUSIVE");
        assertThat(v.get(0).reasons()).containsExactly("sendMessage p99 1.42 s > 1 s by 42% (1,234 samples)");
        assertThat(v.get(0).slos()).containsExactly(
            new VerdictView.SloLine("sendMessage p99", "1,000 ms", "1,420 ms (1,234 samples)", "+42.0 %", "FAIL"),
            new VerdictView.SloLine("delivery p95", "2,000 ms", "– (3 samples)", "", "FEW SAMPLES"));
        assertThat(v.get(1).reasons()).containsExactly("injector CPU 97 % > 80 %");
    }

    @Test
    void readsWhatJobEvaluationWrites() throws Exception {
        List<VerdictView> v = VerdictView.parse(VerdictView.MAPPER.readTree("""
            {"profiles":[{"profile":"minimal-vps","status":"FAIL","reasons":[],
              "slos":[{"name":"sendMessage p99","status":"MISSED","unit":"ms","samples":1234,"text":"sendMessage p99 1.42 s > 1 s",
                       "measured":1420.0,"threshold":1000.0,"marginPercent":42.0},
                      {"name":"errors","status":"MET","unit":"%","samples":5000,"text":"errors 0 % <= 1 %",
                       "measured":0.0,"threshold":1.0,"marginPercent":-100.0},
                      {"name":"delivery p95","status":"TOO_FEW_SAMPLES","unit":"ms","samples":0,"text":"no samples",
                       "measured":null,"threshold":2000.0,"marginPercent":null}]}]}
            """));
        assertThat(v.get(0).reasons()).containsExactly("sendMessage p99 1.42 s > 1 s");
        assertThat(v.get(0).slos()).containsExactly(
            new VerdictView.SloLine("sendMessage p99", "1,000 ms", "1,420 ms (1,234 samples)", "+42.0 %", "FAIL"),
            new VerdictView.SloLine("errors", "1 %", "0 % (5,000 samples)", "-100.0 %", "PASS"),
            new VerdictView.SloLine("delivery p95", "2,000 ms", "– (0 samples)", "", "FEW SAMPLES"));
    }
}
