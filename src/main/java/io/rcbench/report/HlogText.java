package io.rcbench.report;

import io.rcbench.metrics.AsciiLogCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an HdrHistogram interval log (format 1.3, as {@link org.HdrHistogram.HistogramLogWriter} writes
 * it) with times resolved, histograms still encoded. Times follow {@link org.HdrHistogram.HistogramLogReader}:
 * a {@code BaseTime} header wins; otherwise timestamps more than a year before {@code StartTime} are relative to
 * it. Parsing by hand instead of with {@code HistogramLogReader} (which scans each line with regular
 * expressions) cuts reading an hour of one-second intervals from about ten seconds to under one; decoding is
 * left to HdrHistogram. Stateless.
 */
final class HlogText {
    /** One interval histogram: times in ms since the log's start time, the payload still base64. */
    record Line(String tag, long startMs, long endMs, String payload) {
    }

    /** A whole log: its start (epoch ms) and its interval lines in file order. */
    record Log(Path file, long startEpochMs, List<Line> lines) {
    }

    private static final String START = "#[StartTime: ";
    private static final String BASE = "#[BaseTime: ";

    private HlogText() {
    }

    static Log read(Path file) throws IOException {
        double startSec = Double.NaN;
        double baseSec = Double.NaN;
        boolean baseKnown = false;
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String l;
            int n = 0;
            while ((l = r.readLine()) != null) {
                n++;
                if (l.isEmpty() || l.charAt(0) == '"') {
                    continue;
                }
                if (l.charAt(0) == '#') {
                    if (l.startsWith(START)) {
                        startSec = headerSeconds(l, START, file, n);
                    } else if (l.startsWith(BASE)) {
                        baseSec = headerSeconds(l, BASE, file, n);
                        baseKnown = true;
                    }
                    continue;
                }
                try {
                    String tag = null;
                    int from = 0;
                    if (l.startsWith("Tag=")) {
                        int comma = l.indexOf(',');
                        tag = l.substring(4, comma);
                        from = comma + 1;
                    }
                    int c1 = l.indexOf(',', from);
                    int c2 = l.indexOf(',', c1 + 1);
                    int c3 = l.indexOf(',', c2 + 1);
                    double ts = Double.parseDouble(l.substring(from, c1));
                    double len = Double.parseDouble(l.substring(c1 + 1, c2));
                    if (!baseKnown) {
                        double start = Double.isNaN(startSec) ? 0 : startSec;
                        baseSec = ts < start - 365 * 24 * 3600.0 ? start : 0;
                        baseKnown = true;
                    }
                    double startOfLog = Double.isNaN(startSec) ? 0 : startSec;
                    long s = Math.round((baseSec + ts - startOfLog) * 1000);
                    lines.add(new Line(tag, s, s + Math.round(len * 1000), l.substring(c3 + 1)));
                } catch (RuntimeException e) {
                    throw new IOException(file + ":" + n + ": not an interval histogram line: " + e.getMessage(), e);
                }
            }
        } catch (CharacterCodingException e) {
            // the reader decodes ahead of the line it returns: find the line that holds the byte
            AsciiLogCheck.require(file);
            throw new IOException(file + ": not a latency log: a byte that is not ASCII text (the file is corrupt)", e);
        }
        return new Log(file, Double.isNaN(startSec) ? 0 : Math.round(startSec * 1000), lines);
    }

    private static double headerSeconds(String l, String prefix, Path file, int n) throws IOException {
        int end = l.indexOf(' ', prefix.length());
        try {
            return Double.parseDouble(l.substring(prefix.length(), end < 0 ? l.length() : end));
        } catch (RuntimeException e) {
            throw new IOException(file + ":" + n + ": bad header: " + l, e);
        }
    }
}
