package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartWriterTest {
    private static Document parse(String figure) throws Exception {
        // well-formed XML is a stricter test than HTML: any unescaped name would break it
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(figure.replace("&nbsp;", " ").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsOnePathPerSeriesWithBandsMarkersAndAnEscapedLegend() throws Exception {
        double[] x = {0, 60, 120, 180};
        Chart c = new Chart("p99 <by> \"action\"", Chart.Axis.linear("time", Chart.Format.CLOCK), Chart.Axis.linear("ms", Chart.Format.NUMBER),
            List.of(Chart.Series.line("send<script>", x, new double[] {1, 2, 3, 4}, "#123456"),
                new Chart.Series("raw & co", x, new double[] {1, Double.NaN, 2, 2}, "#654321", true, true)),
            List.of(new Chart.Band(60, 120, "hold window", "rgba(0,0,0,0.1)")), List.of(new Chart.Band(3.5, 1e12, "SLO", "red")),
            List.of(new Chart.Marker(150, "knee", "#ff0000")));
        String svg = SvgChartWriter.write(c);
        Document d = parse(svg);
        assertThat(d.getElementsByTagName("path").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(3); // the NaN point has no dot
        assertThat(svg).contains("send&lt;script&gt;", "raw &amp; co", "p99 &lt;by&gt; &quot;action&quot;", "hold window", "knee", "SLO")
            .doesNotContain("<script");
        // the NaN breaks the dashed line into two pieces
        String dashed = svg.substring(svg.indexOf("stroke=\"#654321\"") - 200, svg.indexOf("stroke=\"#654321\""));
        assertThat(dashed.chars().filter(ch -> ch == 'M').count()).isEqualTo(2);
    }

    @Test
    void anEmptyChartSaysSoInsteadOfDrawingAxes() {
        Chart c = new Chart("errors", Chart.Axis.linear("t", Chart.Format.CLOCK), Chart.Axis.linear("n", Chart.Format.NUMBER), List.of());
        assertThat(SvgChartWriter.write(c)).contains("no data").doesNotContain("<svg");
    }

    @Test
    void ticksAreReadable() {
        assertThat(SvgChartWriter.tick(Chart.Format.PERCENT, 99.99)).isEqualTo("99.99%");
        assertThat(SvgChartWriter.tick(Chart.Format.PERCENT, 90)).isEqualTo("90%");
        assertThat(SvgChartWriter.tick(Chart.Format.NUMBER, 25_000)).isEqualTo("25k");
        assertThat(SvgChartWriter.tick(Chart.Format.NUMBER, 1500)).isEqualTo("1,500");
        assertThat(SvgChartWriter.tick(Chart.Format.NUMBER, 0.25)).isEqualTo("0.25");
        assertThat(SvgChartWriter.tick(Chart.Format.CLOCK, 3600)).isEqualTo("1:00:00");
    }
}
