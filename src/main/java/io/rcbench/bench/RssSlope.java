package io.rcbench.bench;

import java.util.List;

/**
 * The marginal resident memory of one more session: the least-squares slope of RSS over sessions held across the last
 * steps of a ramp, where the JVM's fixed costs (classes, JIT, pools) are already paid. Pure.
 */
final class RssSlope {
    private RssSlope() {
    }

    /** One point of the ramp: sessions held and the process's RSS then. */
    record Point(int sessions, long rssKb) {
    }

    /** Slope in bytes per session over the last {@code last} points; 0 with fewer than two distinct session counts. */
    static long bytesPerSession(List<Point> points, int last) {
        List<Point> p = points.subList(Math.max(0, points.size() - last), points.size());
        int n = p.size();
        double mx = p.stream().mapToDouble(Point::sessions).average().orElse(0);
        double my = p.stream().mapToDouble(Point::rssKb).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Point q : p) {
            sxy += (q.sessions() - mx) * (q.rssKb() - my);
            sxx += (q.sessions() - mx) * (q.sessions() - mx);
        }
        return n < 2 || sxx == 0 ? 0 : Math.round(sxy / sxx * 1024);
    }
}
