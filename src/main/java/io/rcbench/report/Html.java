package io.rcbench.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Escaping and formatting for the report's HTML and SVG. Every string that came from a file (run ids, metric
 * and profile names, reasons, URLs) goes through {@link #esc}; links through {@link #relativeHref} or
 * {@link #displayUrl}. Stateless.
 */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and double- or single-quoted attribute values; {@code null} is empty. */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null && c < 0x20 && c != '\n' && c != '\t') {
                r = " "; // control characters are not allowed in HTML text
            }
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * An escaped link target, relative to a run folder ({@code reports/<run-id>/}), for a path inside the reports
     * tree (a sibling run's Gatling report, {@code ../<step>/gatling/...}, is inside), or {@code null} when
     * {@code path} is absent, absolute, has a scheme ({@code javascript:}...) or climbs out of the reports tree:
     * files from a run folder must not point elsewhere.
     */
    public static String relativeHref(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.contains(":") || p.startsWith("//")) {
            return null;
        }
        int depth = 1; // the run folder, one level below the reports folder
        for (String part : p.split("/")) {
            depth += part.equals("..") ? -1 : part.isEmpty() || part.equals(".") ? 0 : 1;
            if (depth < 0) {
                return null;
            }
        }
        StringBuilder b = new StringBuilder();
        for (String part : p.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return esc(b.toString());
    }

    /**
     * A URL as it may be shown: scheme, host, port and path only. User info, query and fragment are dropped
     * because they can carry credentials ({@code https://user:pw@host}, {@code ?token=}). Unparseable input
     * yields {@code "(unparseable URL)"} rather than the raw text.
     */
    public static String displayUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI u = new URI(url.trim());
            if (u.getHost() == null) {
                return "(unparseable URL)";
            }
            String host = u.getHost();
            StringBuilder b = new StringBuilder();
            b.append(u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT) + "://").append(host);
            if (u.getPort() >= 0) {
                b.append(':').append(u.getPort());
            }
            if (u.getRawPath() != null) {
                b.append(u.getRawPath());
            }
            return b.toString();
        } catch (URISyntaxException e) {
            return "(unparseable URL)";
        }
    }

    /** Milliseconds for tables: 3 significant figures, thousands separated ({@code 0.412}, {@code 12.3}, {@code 1,530}). */
    public static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        double a = Math.abs(ms);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", ms);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A decimal with {@code digits} fraction digits. */
    public static String num(double v, int digits) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    /** Duration in ms as {@code h:mm:ss} or {@code m:ss}. */
    public static String clock(long ms) {
        long s = Math.round(ms / 1000.0);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
