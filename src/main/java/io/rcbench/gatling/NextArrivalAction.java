package io.rcbench.gatling;

import io.gatling.core.action.Action;
import io.gatling.javaapi.core.Session;
import io.rcbench.run.ArrivalSchedule;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the virtual user's next intended start (its {@link ArrivalSchedule}) and stores it for the action that
 * follows, which measures its latency from it. When the user is behind schedule it continues at once: the next
 * action then counts as late, and its wait is part of its corrected latency. Arrivals at or after the end of the
 * hold set {@link #DONE} instead, which ends the user's activity loop.
 */
final class NextArrivalAction implements Action {
    static final String DONE = "rcb.done";
    private final Action next;
    private final RunContext run;

    NextArrivalAction(Action next, RunContext run) {
        this.next = next;
        this.run = run;
    }

    @Override
    public String name() {
        return "nextArrival";
    }

    @Override
    public void execute(io.gatling.core.session.Session scalaSession) {
        Session session = new Session(scalaSession);
        ArrivalSchedule schedule = Arrivals.schedule(session);
        if (run.stopping().get() || schedule.peekNanos() >= run.holdEndNanos()) {
            next.$bang(session.set(DONE, true).asScala());
            return;
        }
        // time the user itself was busy (typing) is not waiting on the target: an arrival that fell into it is
        // intended for when the user was free again; waiting on slow answers still counts in full
        long intended = Math.max(schedule.next(),
            session.contains(Arrivals.USER_BUSY_UNTIL) ? session.getLong(Arrivals.USER_BUSY_UNTIL) : Long.MIN_VALUE);
        Session scheduled = session.set(Arrivals.INTENDED, intended);
        long delay = intended - System.nanoTime();
        if (delay <= 0) {
            // through the event loop, not a direct call: detached actions continue synchronously, so a user far
            // behind schedule would otherwise run its whole backlog on one ever deeper stack
            scalaSession.eventLoop().execute(() -> next.$bang(scheduled.asScala()));
        } else {
            scalaSession.eventLoop().schedule(() -> next.$bang(scheduled.asScala()), delay, TimeUnit.NANOSECONDS);
        }
    }

    private static final com.typesafe.scalalogging.Logger LOGGER =
        com.typesafe.scalalogging.Logger$.MODULE$.apply(org.slf4j.LoggerFactory.getLogger(NextArrivalAction.class));

    @Override
    public com.typesafe.scalalogging.Logger logger() {
        return LOGGER;
    }

    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(com.typesafe.scalalogging.Logger l) {
        // Gatling's trait initialiser calls this; the logger above is final.
    }
}
