/**
 * The run folder: what one run leaves under {@code reports/<run-id>/} and the records that describe it. Everything
 * downstream (verdict, report, merge, compare) reads a run from its folder alone, so a report can be rebuilt and a
 * run can be faked in a test by writing a folder.
 *
 * <pre>
 * reports/&lt;run-id&gt;/
 *   summary.json         {@link io.rcbench.run.RunSummary}: target, profile, phases, counts, errors, injector health
 *   latency.hlog         HdrHistogram interval log (µs), one tag per metric ({@code sendMessage}, {@code sendMessage.raw},
 *                        {@code delivery}...); shards write {@code latency-&lt;i&gt;.hlog}; times relative to the common start
 *   timeline.jsonl       one {@link io.rcbench.run.TimelinePoint} per line per interval (users, actions, errors, health)
 *   server-metrics.jsonl one {@link io.rcbench.run.ServerSample} per line: the target's Prometheus series over time
 *   verdict.json         the verdict, when a profile was evaluated
 *   gatling/             Gatling's own report for the run (index.html)
 *   index.html           the capacity report
 * </pre>
 */
package io.rcbench.run;
