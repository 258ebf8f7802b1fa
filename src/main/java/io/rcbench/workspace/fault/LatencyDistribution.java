package io.rcbench.workspace.fault;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A latency to add to a method, with its exact quantiles so a test can compare what was measured with the
 * truth. Text forms: {@code fixed:20ms}, {@code uniform:10ms:30ms}, {@code exp:5ms} (mean) or
 * {@code exp:5ms:10ms} (mean, then a fixed offset). Units: us, ms, s.
 */
public sealed interface LatencyDistribution {
    long sampleMicros(SplittableRandom random);

    /** The exact q-quantile (0 < q < 1) in microseconds. */
    double quantileMicros(double q);

    record Fixed(long micros) implements LatencyDistribution {
        public long sampleMicros(SplittableRandom random) {
            return micros;
        }

        public double quantileMicros(double q) {
            return micros;
        }
    }

    record Uniform(long minMicros, long maxMicros) implements LatencyDistribution {
        public Uniform {
            if (maxMicros < minMicros) {
                throw new IllegalArgumentException("uniform: max below min");
            }
        }

        public long sampleMicros(SplittableRandom random) {
            return minMicros + (long) (random.nextDouble() * (maxMicros - minMicros));
        }

        public double quantileMicros(double q) {
            return minMicros + q * (maxMicros - minMicros);
        }
    }

    record Exponential(long meanMicros, long offsetMicros) implements LatencyDistribution {
        public long sampleMicros(SplittableRandom random) {
            return offsetMicros + (long) (-meanMicros * Math.log(1 - random.nextDouble()));
        }

        public double quantileMicros(double q) {
            return offsetMicros - meanMicros * Math.log(1 - q);
        }
    }

    /** Parses the text form; throws {@link IllegalArgumentException} naming what is wrong. */
    static LatencyDistribution parse(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "fixed" -> new Fixed(micros(p[1]));
                case "uniform" -> new Uniform(micros(p[1]), micros(p[2]));
                case "exp" -> new Exponential(micros(p[1]), p.length > 2 ? micros(p[2]) : 0);
                default -> throw new IllegalArgumentException("unknown distribution '" + p[0] + "'");
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("latency '" + text + "': missing a value; expected fixed:20ms, "
                + "uniform:10ms:30ms or exp:5ms[:10ms]");
        }
    }

    /** "250us", "20ms", "1.5s" to microseconds. */
    static long micros(String v) {
        String s = v.trim();
        double factor;
        if (s.endsWith("us")) {
            factor = 1;
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ms")) {
            factor = 1_000;
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            factor = 1_000_000;
            s = s.substring(0, s.length() - 1);
        } else {
            throw new IllegalArgumentException("duration '" + v + "' needs a unit: us, ms or s");
        }
        double n = Double.parseDouble(s);
        if (n < 0) {
            throw new IllegalArgumentException("duration '" + v + "' is negative");
        }
        return Math.round(n * factor);
    }
}
