/**
 * Seeding a workspace straight into its store, as Rocket.Chat's own load tester seeds MongoDB: users,
 * rooms of a given size, bot users and incoming webhooks, in batches, in seconds for 10,000 users.
 */
package io.rcbench.workspace.seed;
