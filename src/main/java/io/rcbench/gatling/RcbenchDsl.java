package io.rcbench.gatling;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.rcbench.run.ArrivalSchedule;
import java.util.function.Function;

/**
 * rcbench's additions to the Gatling Java DSL, as static entries like Gatling's own {@code CoreDsl}: measured
 * asynchronous actions and the open-model schedule that makes their latency coordinated-omission corrected.
 *
 * <pre>{@code
 * exec(startArrivals(s -> ratePerSecond, s -> seed))
 *   .asLongAs(RcbenchDsl::arrivalsOpen).on(exec(nextArrival()).exec(step("sendMessage", s -> ...)))
 * }</pre>
 */
public final class RcbenchDsl {
    private RcbenchDsl() {
    }

    /** A measured action: logged to Gatling's stats and rcbench's recorders, corrected from the intended start. */
    public static StepActionBuilder step(String name, Step step) {
        return StepActionBuilder.of(name, step);
    }

    /** Gives the user an open-model schedule at {@code rate} arrivals per second, seeded for repeatability. */
    public static Function<Session, Session> startArrivals(Function<Session, Double> ratePerSecond,
                                                           Function<Session, Long> seed) {
        return s -> s.set(Arrivals.SCHEDULE, new ArrivalSchedule(ratePerSecond.apply(s), System.nanoTime(),
            seed.apply(s))).remove(NextArrivalAction.DONE);
    }

    /** Waits for the next intended start; see {@link NextArrivalAction}. */
    public static ActionBuilder nextArrival() {
        return () -> (ctx, next) -> new NextArrivalAction(next, RunContext.current());
    }

    /**
     * Waits until the user's {@link StepActionBuilder#detached() detached} actions are answered (each has its call
     * timeout; the wait is bounded by the plan's action timeout plus a second). Put it before a close.
     */
    public static ActionBuilder settle() {
        return () -> (ctx, next) -> new SettleAction(next, RunContext.current().plan().actionTimeout().plusSeconds(1));
    }

    /** The loop condition of an activity loop: true until the schedule passes the end of the hold. */
    public static boolean arrivalsOpen(Session s) {
        return !s.contains(NextArrivalAction.DONE) && !RunContext.current().holdOver();
    }

    /** The user's schedule, for choices and sizes drawn from the user's own random stream. */
    public static ArrivalSchedule schedule(Session s) {
        return Arrivals.schedule(s);
    }
}
