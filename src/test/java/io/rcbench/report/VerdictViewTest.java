package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheStatusTheReasonsAndTheBudgetAndNothingWithoutAFile() throws Exception {
        List<VerdictView> v = VerdictView.parse(JSON.readTree("""
            {"targetCheck":[],"profiles":[{"profile":"bare-metal","status":"inconclusive",
              "reasons":["injector CPU 97 % > 80 %"],"slos":[],"futureField":1,
              "injectorBudget":{"maxCpuPercent":80.0,"maxGcPauseMs":100,"maxEventLoopLagMs":50}},
             {"profile":"minimal-vps"}]}
            """));
        assertThat(v).extracting(VerdictView::profile, VerdictView::status).containsExactly(
            org.assertj.core.groups.Tuple.tuple("bare-metal", "INCONCLUSIVE"),
            org.assertj.core.groups.Tuple.tuple("minimal-vps", "INCONCLUSIVE"));
        assertThat(v.get(0).reasons()).containsExactly("injector CPU 97 % > 80 %");
        assertThat(v.get(0).injectorBudget()).isNotNull();
        assertThat(v.get(1).injectorBudget()).isNull();
        assertThat(VerdictView.parse(null)).isEmpty();
    }

    @Test
    void aMeasurementWithNoValueReadsAsADash() throws Exception {
        List<VerdictView> v = VerdictView.parse(VerdictView.MAPPER.readTree("""
            {"profiles":[{"profile":"minimal-vps","status":"INCONCLUSIVE","reasons":[],
              "slos":[{"name":"delivery p95","status":"TOO_FEW_SAMPLES","unit":"ms","samples":3,"text":"delivery p95: 3 samples",
                       "measured":NaN,"threshold":2000.0,"marginPercent":NaN}]}]}
            """));
        assertThat(v.get(0).slos()).containsExactly(
            new VerdictView.SloLine("delivery p95", "2,000 ms", "– (3 samples)", "", "FEW SAMPLES"));
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
