/**
 * The embedded workspace's identity (product name, protocol line, version): a leaf every workspace package may use.
 */
package io.rcbench.workspace.info;
