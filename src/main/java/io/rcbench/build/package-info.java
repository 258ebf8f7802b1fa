/**
 * Facts about this build of rcbench (its version), written by Maven. A leaf: every package may use it.
 */
package io.rcbench.build;
