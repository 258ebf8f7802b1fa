/**
 * Durable state of the workspace in an embedded H2 database under the data directory, with the
 * in-memory indexes the hot paths read (users, tokens, rooms, memberships). Every write goes to H2
 * first, then to the index, so what was accepted survives a restart.
 */
package io.rcbench.workspace.store;
