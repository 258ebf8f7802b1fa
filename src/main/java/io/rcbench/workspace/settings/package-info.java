/** Workspace settings under Rocket.Chat's setting ids, with Rocket.Chat's defaults; and role permissions. */
package io.rcbench.workspace.settings;
