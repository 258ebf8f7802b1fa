package io.rcbench.deploy;

import java.math.BigDecimal;
import java.util.Locale;

/** CPU and memory amounts as Kubernetes and docker-compose write them, turned into cores and MiB. */
final class Quantities {
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);

    private Quantities() {
    }

    /** Kubernetes CPU: {@code "3"}, {@code "3.5"}, {@code "1500m"} (millicores). */
    static BigDecimal cores(String q) {
        String s = q.trim();
        return s.endsWith("m") ? new BigDecimal(s.substring(0, s.length() - 1)).movePointLeft(3) : new BigDecimal(s);
    }

    /** Kubernetes memory ({@code 1536Mi}, {@code 2Gi}, {@code 512M}, bytes) in MiB. */
    static BigDecimal kubernetesMib(String q) {
        String s = q.trim();
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                return bytesToMib(new BigDecimal(s.substring(0, s.length() - u[0].length())).multiply(new BigDecimal(u[1])));
            }
        }
        return bytesToMib(new BigDecimal(s));
    }

    /** docker-compose memory ({@code 640m}, {@code 4g}, {@code 512k}, {@code 1024b}, bytes): binary units, in MiB. */
    static BigDecimal composeMib(String q) {
        String s = q.trim().toLowerCase(Locale.ROOT);
        long factor = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'b' -> 1;
            case 'k' -> 1024;
            case 'm' -> 1024 * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 0;
        };
        return factor == 0 ? bytesToMib(new BigDecimal(s))
            : bytesToMib(new BigDecimal(s.substring(0, s.length() - 1)).multiply(BigDecimal.valueOf(factor)));
    }

    private static BigDecimal bytesToMib(BigDecimal bytes) {
        return bytes.divide(MIB, 6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
