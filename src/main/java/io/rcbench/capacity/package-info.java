/**
 * Capacity search: the highest number of concurrently active users a target sustains within a profile's SLOs.
 * {@link io.rcbench.capacity.NextStep} is the pure decision (step up, bisect, confirm, stop), table-tested;
 * {@link io.rcbench.capacity.CapacitySearch} runs steps through a {@link io.rcbench.capacity.StepRunner} and turns
 * them into the curve, the knee and the ceiling, with optional probes past the ceiling while throughput has not
 * bent; {@code io.rcbench.capacity.model} fits the scalability model to that curve and sizes across envelopes.
 */
package io.rcbench.capacity;
