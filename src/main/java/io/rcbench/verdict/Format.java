package io.rcbench.verdict;

import java.util.Locale;

/** Number formats of verdict lines: durations in ms or s with three significant digits, counts with separators. */
final class Format {
    private Format() {
    }

    /** {@code 312 ms}, {@code 1.42 s}, {@code 4.5 ms}. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        if (ms >= 1000) {
            return sig(ms / 1000) + " s";
        }
        return sig(ms) + " ms";
    }

    /** Three significant digits without trailing zeros: 1.42, 12.5, 312, 1000. */
    static String sig(double v) {
        if (v == 0) {
            return "0";
        }
        int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1.8%}, {@code 42%}: whole percents from 10 up, one decimal below. */
    static String percent(double value) {
        double p = value + 0.0; // no "-0%"
        if (Math.abs(p) >= 10) {
            return String.format(Locale.ROOT, "%.0f%%", p);
        }
        String s = String.format(Locale.ROOT, "%.1f", p).replaceAll("\\.0$", "");
        return s + "%";
    }
}
