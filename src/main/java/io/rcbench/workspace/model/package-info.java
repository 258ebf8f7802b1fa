/** Immutable values of the workspace: users, rooms, uploads, integrations. */
package io.rcbench.workspace.model;
