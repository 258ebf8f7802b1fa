package io.rcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.injector.HostLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How far the next step of the ramp may go, and the marginal RSS slope. */
class SessionBudgetTest {
    private static HostLimits open(long now) {
        return new HostLimits(20_000, 20_000, now, 32768, 60999);
    }

    @Test
    void aStepThatFitsIsWhole() {
        SessionBudget.Fit f = SessionBudget.next(1_000, open(5_000), open(5_200), 64, 4_900, 1);
        assertThat(f.sessions()).isEqualTo(1_000);
        assertThat(f.limit()).isNull();
    }

    @Test
    void theLastStepStopsShortOfTheInjectorsLimitKeepingTheReserve() {
        SessionBudget.Fit f = SessionBudget.next(1_000, open(19_500), open(19_000), 64, 19_400, 1);
        assertThat(f.sessions()).isEqualTo(20_000 - 19_500 - 64 - 64);
        assertThat(f.limit().kind()).isEqualTo(StopReason.Kind.OPEN_FILE_LIMIT);
        assertThat(f.limit().detail()).contains("ulimit -n").contains("19,500 files open");
    }

    @Test
    void theWorkspaceSideCanBeTheTighterOne() {
        SessionBudget.Fit f = SessionBudget.next(1_000, open(10_000), open(19_900), 64, 9_900, 1);
        assertThat(f.sessions()).isZero();
        assertThat(f.limit().kind()).isEqualTo(StopReason.Kind.WORKSPACE_OPEN_FILE_LIMIT);
    }

    @Test
    void portsCountPerLocalAddress() {
        HostLimits wide = new HostLimits(1_000_000, 1_000_000, 30_000, 32768, 60999);
        assertThat(SessionBudget.next(1_000, wide, wide, 64, 28_000, 1).limit().kind())
            .isEqualTo(StopReason.Kind.EPHEMERAL_PORTS);
        assertThat(SessionBudget.next(1_000, wide, wide, 64, 28_000, 2).limit()).isNull();
    }

    @Test
    void kernelLimitsInFailuresAreNamed() {
        assertThat(SessionBudget.ofFailure("java.net.SocketException: Too many open files").kind())
            .isEqualTo(StopReason.Kind.OPEN_FILE_LIMIT);
        assertThat(SessionBudget.ofFailure("Cannot assign requested address").kind())
            .isEqualTo(StopReason.Kind.EPHEMERAL_PORTS);
        assertThat(SessionBudget.ofFailure("login timed out").kind()).isEqualTo(StopReason.Kind.FAILURES);
    }

    @Test
    void marginalRssIsTheSlopeOverTheLastSteps() {
        List<RssSlope.Point> p = List.of(new RssSlope.Point(0, 100_000), new RssSlope.Point(1_000, 200_000),
            new RssSlope.Point(2_000, 220_000), new RssSlope.Point(3_000, 240_000), new RssSlope.Point(4_000, 260_000));
        assertThat(RssSlope.bytesPerSession(p, 3)).isEqualTo(20 * 1024);
        assertThat(RssSlope.bytesPerSession(p.subList(0, 1), 3)).isZero();
    }
}
