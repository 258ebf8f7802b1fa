/**
 * The system under test ("the target") as one run meets it, behind {@link io.rcbench.sut.TargetSession}: start the
 * embedded workspace or reach a real one, {@link io.rcbench.sut.Preflight} (is the target there, what is it, do the
 * credentials work, will its rate limits distort the run), {@link io.rcbench.sut.Provisioner} (users, rooms, bots and
 * webhooks), observation for the envelope check, and {@link io.rcbench.sut.TargetRestore} (settings put back). Uses
 * the Rocket.Chat client and the workspace; used by job/, never the other way round.
 */
package io.rcbench.sut;
