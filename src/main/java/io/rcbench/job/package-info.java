/**
 * The main job's stages around a simulation: {@link io.rcbench.job.Preflight} (is the target there, what is it,
 * do the credentials work, will its rate limits distort the run), {@link io.rcbench.job.Provisioner} (users, rooms,
 * bots and webhooks on the target) and {@link io.rcbench.job.MainJob}, which runs them, the simulation, the
 * summary, the verdict and the report in order and keeps what was measured when stopped.
 */
package io.rcbench.job;

import io.rcbench.target.Provisioner;
import io.rcbench.target.Preflight;