package io.rcbench.injector;

import io.rcbench.run.LoadPlan;

/**
 * What one injector will hold open during a run, from its plan. Each number is a peak, not a mean.
 *
 * @param webSockets      DDP sessions: every account this injector connects (active and idle users, bots)
 * @param httpConnections the shared HTTP pool at its peak: Gatling's shared pool opens one connection per request in
 *                        flight, and a virtual user has at most one in flight, so this is the users that make requests
 *                        in the steady state (with the REST transport every active user and bot; with DDP the active
 *                        users when the mix uploads or downloads files) plus the logins in flight during the ramp
 * @param runFiles        files the run itself keeps open besides sockets: interval logs, timeline, Gatling's
 *                        {@code simulation.log}, the report writers, jars opened late, event-loop selectors
 * @param timeWaitPorts   source ports still held after the client closed a connection: a reconnect leaves its old
 *                        port in TIME_WAIT for 60 s, so a minute's worth of reconnects
 */
public record ConnectionDemand(int webSockets, int httpConnections, int runFiles, int timeWaitPorts) {
    /** Files a run opens besides its sockets; generous: running out of descriptors mid-run loses the run. */
    public static final int RUN_FILES = 64;

    public ConnectionDemand {
        if (webSockets < 0 || httpConnections < 0 || runFiles < 0 || timeWaitPorts < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** The demand of {@code plan} on the injector that runs it (its shard's accounts only). */
    public static ConnectionDemand of(LoadPlan plan) {
        LoadPlan.Accounts a = plan.accounts();
        int users = a.active().size() + a.idle().size();
        int sockets = users + a.bots().size();
        boolean files = plan.rates().uploadShare() > 0 || plan.rates().downloadShare() > 0;
        int steady = plan.transport().equals("rest") ? a.active().size() + a.bots().size()
            : files ? a.active().size() : 0;
        // a login takes about a second on a busy target: that many arrive while the first are in flight
        int loggingIn = (int) Math.min(sockets, Math.ceil(plan.loginsPerSecond()));
        int webhooks = plan.webhooks().isEmpty() ? 0 : plan.webhooks().size();
        int timeWait = (int) Math.min(Integer.MAX_VALUE, Math.ceil(plan.rates().reconnectsPerMinute() * users));
        return new ConnectionDemand(sockets, steady + loggingIn + webhooks, RUN_FILES, timeWait);
    }

    /** Sockets open at the peak. */
    public int sockets() {
        return webSockets + httpConnections;
    }

    /** Descriptors needed on top of what the process holds already. */
    public long files() {
        return (long) sockets() + runFiles;
    }

    /** Source ports held at the peak (open sockets and those in TIME_WAIT). */
    public long ports() {
        return (long) sockets() + timeWaitPorts;
    }
}
