/**
 * DDP on the server: sessions, the protocol state machine (connect, ping, method, sub, unsub), the method
 * registry and publications. Transport-independent: the {@code http} package carries frames in and out.
 * Like Meteor, each session's methods and subs run one at a time, in order, off the I/O threads.
 */
package io.rcbench.workspace.ddp;
