/**
 * Latency recording: one HdrHistogram {@link org.HdrHistogram.Recorder} per metric (microseconds, 3
 * significant digits), written as interval logs by one sampler, read back into totals and timelines. The hot
 * path records; only the sampler and readers touch histograms. Logs from several injectors merge exactly
 * because histograms add.
 */
package io.rcbench.metrics;
