/**
 * Synthetic run folders: a seeded, deterministic stand-in for a recorded run (latency logs written through
 * {@link io.rcbench.metrics.LatencyRecorder}, summary, timeline, server metrics), used by the report's tests and
 * by the report benchmark. Nothing here talks to a server.
 */
package io.rcbench.report.synthetic;
