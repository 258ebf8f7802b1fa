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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import scala.Option;

/**
 * A Gatling action around one asynchronous step of a virtual user (a DDP call, a login, a subscription). It logs
 * the step to Gatling's stats engine and to rcbench's recorders (from the intended start the user's
 * {@link Arrivals} schedule set, and raw from the actual start), then continues the scenario with
 * {@code next.!(session)}, which hops back to the user's event loop whichever thread completed the step.
 *
 * <p>Plain {@link Action}, not Gatling's {@code ChainableAction}: those traits carry synthetic methods javac cannot
 * see and fail at run time (see architecture.md). Errors are handled here: a step that throws, fails, outlives its
 * timeout, or whose completion throws (recording, logging) marks the session failed, is logged KO with its reason,
 * and the scenario goes on: a failure never leaves a virtual user waiting for a continuation that never comes.
 */
final class AsyncAction implements Action {
    private final String name;
    private final Step step;
    private final Action next;
    private final StatsEngine stats;
    private final Clock clock;
    private final RunMetrics metrics;
    private final Duration timeout;

    /** @param timeout how long the step may take before it fails as a timeout (nothing waits forever) */
    AsyncAction(String name, Step step, Action next, StatsEngine stats, Clock clock, RunMetrics metrics,
                Duration timeout) {
        this.name = name;
        this.step = step;
        this.next = next;
        this.stats = stats;
        this.clock = clock;
        this.metrics = metrics;
        this.timeout = timeout;
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
        // the step sees its own intended start and may set the next action's (typing -> send)
        Session base = Arrivals.clearIntended(session).set(Arrivals.CURRENT, intended);
        CompletableFuture<Session> stage;
        try {
            CompletionStage<Session> s = step.run(base);
            if (s == null) {
                throw new Failures.ActionFailure(ErrorReason.CLIENT_ERROR, "step " + name + " returned no stage");
            }
            // a copy: the deadline must not complete a future the step shares (a subscription's ready)
            stage = s.toCompletableFuture().thenApply(x -> x).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((after, error) -> {
            long endNanos = System.nanoTime();
            long endMs = clock.nowMillis();
            Throwable failure = error;
            if (failure == null && after == null) {
                failure = new Failures.ActionFailure(ErrorReason.CLIENT_ERROR, "step " + name + " completed without a session");
            }
            if (failure == null) {
                try {
                    metrics.succeeded(name, intended, startNanos, endNanos);
                    stats.logResponse(session.scenario(), scalaSession.groups(), name, startMs, endMs, OK$.MODULE$,
                        Option.empty(), Option.empty());
                } catch (RuntimeException e) {
                    // counted as the action's failure below; the user goes on rather than hang
                    failure = e;
                }
            }
            if (failure == null) {
                next.$bang(after.remove(Arrivals.CURRENT).asScala());
                return;
            }
            fail(session, scalaSession, base, startMs, endMs, failure);
        });
    }

    /** Logs the action failed by reason and continues the scenario with the session marked failed. */
    private void fail(Session session, io.gatling.core.session.Session scalaSession, Session base, long startMs,
                      long endMs, Throwable error) {
        ErrorReason reason = Failures.reason(error);
        try {
            metrics.failed(name, reason);
            stats.logResponse(session.scenario(), scalaSession.groups(), name, startMs, endMs, KO$.MODULE$,
                Option.empty(), Option.apply(reason.key() + ": " + Failures.message(error)));
        } finally {
            next.$bang(base.remove(Arrivals.CURRENT).markAsFailed().asScala());
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
