/**
 * Benchmarks that print figures: speed and capacity targets are checked here, never in timed unit tests.
 * {@link io.rcbench.bench.DeliveryBench}: message deliveries per second the embedded workspace sustains.
 * {@link io.rcbench.bench.StoreWriteBench}: durable message inserts per second into its store.
 */
package io.rcbench.bench;
