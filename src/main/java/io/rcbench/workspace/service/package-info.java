/**
 * What the workspace does, independent of transport: accounts and tokens, rooms, messages and their
 * fan-out, presence, uploads and webhooks. DDP methods and REST routes are thin adapters over these.
 */
package io.rcbench.workspace.service;
