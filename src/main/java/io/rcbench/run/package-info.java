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
 *
 * <p>Also the plan a run follows ({@link io.rcbench.run.LoadPlan}, {@link io.rcbench.run.Population},
 * {@link io.rcbench.run.RoomLayout}, {@link io.rcbench.run.Membership}), the recorders that fill the folder
 * ({@link io.rcbench.run.RunMetrics}, {@link io.rcbench.run.RunSampler}) and the port through which the orchestration
 * drives load without naming the load generator ({@link io.rcbench.run.LoadDriver}, {@link io.rcbench.run.LoadRun}).
 */
package io.rcbench.run;
