/**
 * The orchestration: {@link io.rcbench.job.MainJob} runs one job in order (open the target, provision it, drive the
 * load, sample, write the summary, judge, report) and keeps what was measured when stopped;
 * {@link io.rcbench.job.CapacityJob} steps the load to find the ceiling; {@link io.rcbench.job.Merge} joins shards.
 * It names no protocol: the load generator comes through the port {@link io.rcbench.run.LoadDriver} and the target
 * through {@link io.rcbench.sut.TargetSession}, both chosen by the composition root ({@code cli.Wiring}) and handed
 * in as {@link io.rcbench.job.Adapters}.
 */
package io.rcbench.job;
