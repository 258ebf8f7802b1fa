package io.rcbench.run;

import java.util.Map;

/**
 * One interval of a run's timeline ({@code timeline.jsonl}).
 *
 * @param tMs         interval end, ms since the run's start
 * @param activeUsers the most active users at once in the interval (from their login to the end of the hold);
 *                    {@code connectedUsers} includes idle ones, at the moment of the sample
 * @param actions     completed actions in the interval by name (ok and failed)
 * @param errors      failures in the interval by reason
 * @param cpuPercent  injector process CPU over the interval, percent of all cores
 * @param gcPauseMs   longest GC pause in the interval
 * @param loopLagMs   largest event-loop lag seen in the interval
 */
public record TimelinePoint(long tMs, int activeUsers, int connectedUsers, Map<String, Long> actions,
                            Map<String, Long> errors, double cpuPercent, long gcPauseMs, long loopLagMs) {
}
