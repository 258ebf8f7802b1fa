/**
 * Fault injection for tests, off by default: added latency per DDP method from a known distribution,
 * periodic stalls (no processing for X ms every Y s), and dropped connections.
 */
package io.rcbench.workspace.fault;
