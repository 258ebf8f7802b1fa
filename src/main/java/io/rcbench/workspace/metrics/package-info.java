/** The workspace's Prometheus endpoint, with Rocket.Chat's metric names where they apply (protocol section 8). */
package io.rcbench.workspace.metrics;
