package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.esc("<img src=x onerror=\"alert('1')\">&\u0007")).isEqualTo(
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp; ");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.esc("plain")).isEqualTo("plain");
    }

    @Test
    void relativeLinksStayInsideTheReportsTree() {
        assertThat(Html.relativeHref("gatling/sim 1/index.html")).isEqualTo("gatling/sim%201/index.html");
        assertThat(Html.relativeHref("javascript:alert(1)")).isNull();
        assertThat(Html.relativeHref("/etc/passwd")).isNull();
        assertThat(Html.relativeHref("../other-run/gatling/index.html")).isEqualTo("../other-run/gatling/index.html");
        assertThat(Html.relativeHref("../../etc/passwd")).isNull();
        assertThat(Html.relativeHref("a/../../../x")).isNull();
        assertThat(Html.relativeHref("https://evil.example/x")).isNull();
        assertThat(Html.relativeHref(null)).isNull();
        assertThat(Html.relativeHref("a/\"><script>/x.html")).doesNotContain("<", "\"");
    }

    @Test
    void displayedUrlsCarryNoCredentials() {
        assertThat(Html.displayUrl("https://admin:s3cret@chat.example.test:8443/rc/?token=abc#resume=xyz"))
            .isEqualTo("https://chat.example.test:8443/rc/");
        assertThat(Html.displayUrl("http://127.0.0.1:3000")).isEqualTo("http://127.0.0.1:3000");
        assertThat(Html.displayUrl("not a url with s3cret")).isEqualTo("(unparseable URL)");
    }

    @Test
    void formatsMillisecondsToThreeFiguresAndClocks() {
        assertThat(Html.ms(0.41234)).isEqualTo("0.412");
        assertThat(Html.ms(12.34)).isEqualTo("12.3");
        assertThat(Html.ms(1530.4)).isEqualTo("1,530");
        assertThat(Html.ms(Double.NaN)).isEqualTo("–");
        assertThat(Html.clock(3_723_000)).isEqualTo("1:02:03");
        assertThat(Html.clock(65_000)).isEqualTo("1:05");
    }
}
