package io.rcbench.gatling;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.stats.StatsEngine;
import io.gatling.javaapi.core.Session;
import io.rcbench.run.ErrorReason;
import io.rcbench.run.RunMetrics;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import scala.Option;

/**
 * A Gatling action around one asynchronous step of a virtual user (a DDP call, a login, a subscription). It logs
 * the step to Gatling's stats engine and to rcbench's recorders: corrected from the intended start the user's
 * {@link Arrivals} schedule set, raw from when the step's first frame left the socket to when its last answer was
 * read from it ({@link WireTimes}; the action's own start and completion for steps without frames). A waited-for
 * step continues the scenario with {@code next.!(session)} once it completes, which hops back to the user's event
 * loop whichever thread completed it; a {@link StepActionBuilder#detached() detached} one continues at once and is
 * recorded when it completes ({@link InFlight} counts it until then).
 *
 * <p>Plain {@link Action}, not Gatling's {@code ChainableAction}: those traits carry synthetic methods javac cannot
 * see and fail at run time (see architecture.md). Errors are handled here: a step that throws, fails, outlives its
 * timeout, or whose completion throws (recording, logging) is logged KO with its reason; a waited-for one also marks
 * the session failed, and the scenario goes on: a failure never leaves a virtual user waiting for a continuation
 * that never comes.
 */
final class AsyncAction implements Action {
    private final String name;
    private final Step step;
    private final Action next;
    private final StatsEngine stats;
    private final Clock clock;
    private final RunMetrics metrics;
    private final Duration timeout;
    private final boolean detached;

    /**
     * @param timeout how long the step may take before it fails as a timeout (nothing waits forever)
     * @param detached whether the user goes on at once instead of waiting for the step
     */
    AsyncAction(String name, Step step, Action next, StatsEngine stats, Clock clock, RunMetrics metrics,
                Duration timeout, boolean detached) {
        this.name = name;
        this.step = step;
        this.next = next;
        this.stats = stats;
        this.clock = clock;
        this.metrics = metrics;
        this.timeout = timeout;
        this.detached = detached;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(io.gatling.core.session.Session scalaSession) {
        Session session = new Session(scalaSession);
        long startNanos = System.nanoTime();
        long startMs = clock.nowMillis();
        long intended = Arrivals.takeIntended(session, startNanos);
        metrics.started(name, intended, startNanos);
        WireTimes wire = new WireTimes();
        InFlight inFlight = detached ? InFlight.of(session) : null;
        // the step sees its own intended start and may set the next action's (typing -> send)
        Session base = Arrivals.clearIntended(session).set(Arrivals.CURRENT, intended).set(WireTimes.KEY, wire);
        if (detached) {
            base = base.set(InFlight.KEY, inFlight);
            inFlight.begin();
        }
        Session failedBase = base;
        // the deadline is a timer on the user's own event loop, not CompletableFuture.orTimeout: that one goes through
        // a JDK-wide scheduler thread (a lock, and a copy of the stage) on every action; whichever of the step and the
        // timer comes first ends the action, and the step's own future is never completed by the deadline (it may be
        // shared, like a subscription's ready)
        Outcome outcome = new Outcome(session, scalaSession, failedBase, inFlight, wire, startNanos, startMs, intended);
        try {
            CompletionStage<Session> s = step.run(base);
            if (s == null) {
                throw new Failures.ActionFailure(ErrorReason.CLIENT_ERROR, "step " + name + " returned no stage");
            }
            outcome.deadline = scalaSession.eventLoop().schedule(outcome, timeout.toNanos(), TimeUnit.NANOSECONDS);
            s.whenComplete(outcome);
        } catch (RuntimeException e) {
            outcome.accept(null, e);
        }
        if (detached) {
            // the user does not wait; CURRENT stays, so a follow-up (typing's send) can place itself after this one
            next.$bang(base.remove(WireTimes.KEY).asScala());
        }
    }

    /**
     * The end of one action: the step's completion or its deadline, whichever comes first (the other is ignored).
     * Either may run on any thread: the step may complete off the user's event loop.
     */
    private final class Outcome extends java.util.concurrent.atomic.AtomicBoolean
        implements java.util.function.BiConsumer<Session, Throwable>, Runnable {
        private static final long serialVersionUID = 1L;
        private final transient Session session;
        private final transient io.gatling.core.session.Session scalaSession;
        private final transient Session failedBase;
        private final transient InFlight inFlight;
        private final transient WireTimes wire;
        private final long startNanos;
        private final long startMs;
        private final long intended;
        transient volatile java.util.concurrent.Future<?> deadline;

        Outcome(Session session, io.gatling.core.session.Session scalaSession, Session failedBase, InFlight inFlight,
                WireTimes wire, long startNanos, long startMs, long intended) {
            this.session = session;
            this.scalaSession = scalaSession;
            this.failedBase = failedBase;
            this.inFlight = inFlight;
            this.wire = wire;
            this.startNanos = startNanos;
            this.startMs = startMs;
            this.intended = intended;
        }

        /** The deadline passed first. */
        @Override
        public void run() {
            accept(null, new java.util.concurrent.TimeoutException("step " + name + " took longer than " + timeout));
        }

        @Override
        public void accept(Session after, Throwable error) {
            if (!compareAndSet(false, true)) {
                return;
            }
            java.util.concurrent.Future<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
            long endNanos = wire.lastRead(System.nanoTime());
            long endMs = clock.nowMillis();
            try {
                Throwable failure = error;
                if (failure == null && after == null && !detached) {
                    failure = new Failures.ActionFailure(ErrorReason.CLIENT_ERROR,
                        "step " + name + " completed without a session");
                }
                if (failure == null) {
                    try {
                        metrics.succeeded(name, intended, wire.firstSent(startNanos), endNanos);
                        stats.logResponse(session.scenario(), scalaSession.groups(), name, startMs, endMs, OK$.MODULE$,
                            Option.empty(), Option.empty());
                    } catch (RuntimeException e) {
                        // counted as the action's failure below; the user goes on rather than hang
                        failure = e;
                    }
                }
                if (failure == null) {
                    if (!detached) {
                        next.$bang(after.remove(Arrivals.CURRENT).remove(WireTimes.KEY).asScala());
                    }
                    return;
                }
                fail(session, scalaSession, failedBase, startMs, endMs, failure);
            } finally {
                if (detached) {
                    inFlight.end();
                }
            }
        }
    }

    /** Logs the action failed by reason; a waited-for one continues the scenario with the session marked failed. */
    private void fail(Session session, io.gatling.core.session.Session scalaSession, Session base, long startMs,
                      long endMs, Throwable error) {
        ErrorReason reason = Failures.reason(error);
        try {
            metrics.failed(name, reason);
            stats.logResponse(session.scenario(), scalaSession.groups(), name, startMs, endMs, KO$.MODULE$,
                Option.empty(), Option.apply(reason.key() + ": " + Failures.message(error)));
        } finally {
            if (!detached) {
                next.$bang(base.remove(Arrivals.CURRENT).remove(WireTimes.KEY).markAsFailed().asScala());
            }
        }
    }

    // StrictLogging's logger, required by the Action trait; unused here.
    private static final com.typesafe.scalalogging.Logger LOGGER =
        com.typesafe.scalalogging.Logger$.MODULE$.apply(org.slf4j.LoggerFactory.getLogger(AsyncAction.class));

    @Override
    public com.typesafe.scalalogging.Logger logger() {
        return LOGGER;
    }

    @SuppressWarnings("checkstyle:MethodName")
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(com.typesafe.scalalogging.Logger l) {
        // Gatling's trait initialiser calls this; the logger above is final.
    }
}
