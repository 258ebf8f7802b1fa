package io.rcbench.gatling;

import io.gatling.core.action.Action;
import io.gatling.javaapi.core.Session;
import io.rcbench.ddp.client.Deadline;
import java.time.Duration;

/**
 * Waits until the virtual user's detached actions ({@link InFlight}) are answered, then continues on the user's event
 * loop; at most {@code limit} (every call has its own timeout, shorter than that, so the wait ends with them). Not
 * measured itself. The action that follows (a close) is intended no earlier than the wait's end: the wait is the
 * earlier calls' own latency, each recorded in its action, and counting it in the close as well would charge one
 * wait twice. Arrivals meanwhile still queue behind the reconnect and count their wait.
 */
final class SettleAction implements Action {
    private final Action next;
    private final Duration limit;

    SettleAction(Action next, Duration limit) {
        this.next = next;
        this.limit = limit;
    }

    @Override
    public String name() {
        return "settle";
    }

    @Override
    public void execute(io.gatling.core.session.Session scalaSession) {
        Session session = new Session(scalaSession);
        InFlight inFlight = session.get(InFlight.KEY);
        if (inFlight == null || inFlight.idle().isDone()) {
            next.$bang(scalaSession);
            return;
        }
        Deadline.within(inFlight.idle(), limit, scalaSession.eventLoop())
            .whenComplete((v, t) -> scalaSession.eventLoop().execute(() -> {
                long now = System.nanoTime();
                Session after = session.contains(Arrivals.INTENDED) && session.getLong(Arrivals.INTENDED) < now
                    ? session.set(Arrivals.INTENDED, now) : session;
                next.$bang(after.asScala());
            }));
    }

    private static final com.typesafe.scalalogging.Logger LOGGER =
        com.typesafe.scalalogging.Logger$.MODULE$.apply(org.slf4j.LoggerFactory.getLogger(SettleAction.class));

    @Override
    public com.typesafe.scalalogging.Logger logger() {
        return LOGGER;
    }

    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(com.typesafe.scalalogging.Logger l) {
        // Gatling's trait initialiser calls this; the logger above is final.
    }
}
