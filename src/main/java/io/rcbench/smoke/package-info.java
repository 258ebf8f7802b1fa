/**
 * The smoke load the main job runs until the Gatling simulations exist: a few DDP users on Java-WebSocket's
 * stock client log in, listen to their room and send messages on a fixed schedule; send latency
 * (coordinated-omission corrected from the intended time, and raw) and delivery latency go to HdrHistograms.
 */
package io.rcbench.smoke;
