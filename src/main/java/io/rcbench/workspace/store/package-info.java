/**
 * Durable state of the workspace in an embedded H2 database under the data directory, with the
 * in-memory indexes the hot paths read (users, tokens, rooms, memberships). Every write goes to H2
 * first and returns once it is on disk ({@link io.rcbench.workspace.store.Database}: commit, then a
 * group commit's fsync), then to the index, so what was acknowledged survives a kill -9 and a restart.
 */
package io.rcbench.workspace.store;
