package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    @Test
    void keepsSpikesAndDipsWhileBoundingThePointCount() {
        int n = 3600;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 100 + (i % 7);
        }
        y[1234] = 9000; // a one-second spike
        y[2345] = 1; // and a dip
        double[][] t = Downsampler.thin(x, y, 300);
        assertThat(t[0].length).isLessThanOrEqualTo(4 * 300).isGreaterThan(300);
        assertThat(Arrays.stream(t[1]).max().getAsDouble()).isEqualTo(9000);
        assertThat(Arrays.stream(t[1]).min().getAsDouble()).isEqualTo(1);
        for (int i = 1; i < t[0].length; i++) {
            assertThat(t[0][i]).isGreaterThanOrEqualTo(t[0][i - 1]);
        }
        assertThat(t[0][0]).isEqualTo(0);
        assertThat(t[0][t[0].length - 1]).isEqualTo(n - 1);
    }

    @Test
    void shortSeriesAreUntouchedAndGapsSurvive() {
        double[] x = {0, 1, 2};
        double[] y = {1, 2, 3};
        assertThat(Downsampler.thin(x, y, 100)[1]).containsExactly(1, 2, 3);
        double[] lx = new double[1000];
        double[] ly = new double[1000];
        for (int i = 0; i < 1000; i++) {
            lx[i] = i;
            ly[i] = i >= 500 && i < 510 ? Double.NaN : 5;
        }
        assertThat(Arrays.stream(Downsampler.thin(lx, ly, 50)[1]).anyMatch(Double::isNaN)).isTrue();
    }
}
