/**
 * What one injector process may open, and whether a run fits in it: the open-file limit ({@code RLIMIT_NOFILE}) and
 * the ephemeral port range as Linux reports them ({@link io.rcbench.injector.HostLimits}), the sockets and files a
 * run will hold ({@link io.rcbench.injector.ConnectionDemand}), and the pure comparison that refuses a run before it
 * starts with what to change ({@link io.rcbench.injector.InjectorLimits}). Read on the cold path only; no Netty,
 * no Gatling.
 */
package io.rcbench.injector;
