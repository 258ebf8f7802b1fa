package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The report's login breakdown: the whole first, then its calls in the client's order; nothing for older runs. */
class LoginBreakdownTest {
    private static Histogram ms(long... values) {
        Histogram h = new Histogram(3);
        for (long v : values) {
            h.recordValue(v * 1000);
        }
        return h;
    }

    @Test
    void listsTheLoginThenItsPartsThenTheRoomOpening() {
        String html = LoginBreakdown.html(Map.of("login", ms(900, 1200), "authenticate", ms(100), "rooms", ms(300),
            "getModules", ms(20), "openRoom", ms(400), "roomRoles", ms(30), "sendMessage", ms(5)));
        assertThat(html).contains("<b>login</b>", "&nbsp;&nbsp;authenticate", "&nbsp;&nbsp;getModules", "<b>openRoom</b>",
            "&nbsp;&nbsp;roomRoles").doesNotContain("sendMessage");
        assertThat(html.indexOf("login")).isLessThan(html.indexOf("authenticate"));
        assertThat(html.indexOf("authenticate")).isLessThan(html.indexOf("getModules"));
        assertThat(html.indexOf("getModules")).isLessThan(html.indexOf(">&nbsp;&nbsp;rooms"));
        assertThat(html.indexOf("rooms<")).isLessThan(html.indexOf("openRoom"));
        // p50 of the login: 900 ms
        assertThat(html).contains("<td>2</td><td>900");
    }

    @Test
    void aRunWithoutClientSequencesHasNoBreakdown() {
        assertThat(LoginBreakdown.html(Map.of("sendMessage", ms(5)))).isEmpty();
        // a run from before: its login was the DDP call alone, with connect, subscribe and rooms as separate steps
        assertThat(LoginBreakdown.html(Map.of("login", ms(50), "connect", ms(5), "subscribe", ms(9), "rooms", ms(4))))
            .isEmpty();
    }
}
