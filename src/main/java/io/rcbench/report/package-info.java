/**
 * The capacity report: reads one run folder ({@link io.rcbench.run}) and writes a self-contained HTML page with
 * inline SVG charts; also the index of all runs and the side-by-side comparison of two runs. Reads files only
 * (never the load engine, the protocol or the server), so a report can be rebuilt from stored logs at any time.
 *
 * <p>Flow: {@link io.rcbench.report.RunData} reads the folder ({@link io.rcbench.report.LatencyDigest} digests the
 * latency logs); chart builders ({@code PercentileCharts}, {@code TimelineCharts}, {@code ServerCharts},
 * {@code CapacityChart}) turn it into {@link io.rcbench.report.Chart} values; {@link io.rcbench.report.SvgChartWriter}
 * draws them; {@link io.rcbench.report.RunReportWriter}, {@link io.rcbench.report.RunIndexWriter} and
 * {@link io.rcbench.report.CompareReportWriter} assemble pages; {@link io.rcbench.report.Reports} is the entry
 * point after a run. Everything from a file is escaped by {@link io.rcbench.report.Html}.
 */
package io.rcbench.report;
