/**
 * The DDP methods the workspace answers, grouped by area; each group registers itself on the
 * {@link io.rcbench.workspace.ddp.MethodRegistry}. Signatures and errors follow protocol sections 2-4.
 */
package io.rcbench.workspace.methods;
