/**
 * The injector's live view: a Prometheus {@code /metrics} endpoint ({@code rcbench run|capacity --metrics-port})
 * showing the run while it runs. It is fed through the {@link io.rcbench.run.LiveFeed} port and the latency
 * recorder's tap, so every figure is the one the run folder gets, never a second measurement; the exact
 * percentiles stay in {@code latency.hlog} and the report, the live histograms are bucketed approximations of them.
 */
package io.rcbench.live;
