package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.rcbench.run.ErrorReason;
import io.rcbench.run.RunMetrics;
import java.util.function.BiConsumer;

/**
 * Gatling HTTP requests measured by rcbench as well: a chain that notes the intended and actual start, runs the
 * requests (Gatling logs each in its own report), and records the whole as one action in rcbench's recorders,
 * corrected from the intended start, failed by reason from the HTTP status. A failure is recorded, then the
 * session is marked succeeded again so the user carries on, as a person retries later rather than stopping.
 */
final class Measured {
    private static final String STARTED = "rcb.httpStart";
    private static final String INTENDED_AT = "rcb.httpIntended";
    static final String STATUS = "rcb.status";

    private Measured() {
    }

    /** {@code requests} measured as one action {@code name(session)}; {@code onSuccess} sees the session after. */
    static ChainBuilder http(java.util.function.Function<Session, String> name, ChainBuilder requests,
                             BiConsumer<Session, Boolean> onEnd) {
        return exec(s -> {
            long now = System.nanoTime();
            long intended = Arrivals.takeIntended(s, now);
            RunContext.current().metrics().started(name.apply(s), intended, now);
            return Arrivals.clearIntended(s).remove(STATUS).set(STARTED, now).set(INTENDED_AT, intended);
        }).exec(requests).exec(s -> {
            long end = System.nanoTime();
            RunMetrics metrics = RunContext.current().metrics();
            String action = name.apply(s);
            boolean ok = !s.isFailed();
            if (ok) {
                metrics.succeeded(action, s.getLong(INTENDED_AT), s.getLong(STARTED), end);
            } else {
                metrics.failed(action, reason(s, end - s.getLong(STARTED)));
            }
            if (onEnd != null) {
                onEnd.accept(s, ok);
            }
            return s.markAsSucceeded().remove(STARTED).remove(INTENDED_AT);
        });
    }

    /**
     * A request with the status saved for {@link #reason}, checked to be 200, and failed after the plan's action
     * timeout (Gatling's own default is a minute: a stalled target would hold the user that long).
     */
    static HttpRequestActionBuilder checked(HttpRequestActionBuilder request) {
        return request.requestTimeout(RunContext.current().plan().actionTimeout())
            .check(status().saveAs(STATUS), status().is(200));
    }

    private static ErrorReason reason(Session s, long elapsedNanos) {
        if (!s.contains(STATUS)) {
            // no answer: Gatling's request timeout (the action timeout) or a closed connection
            return elapsedNanos >= RunContext.current().plan().actionTimeout().toNanos() ? ErrorReason.TIMEOUT
                : ErrorReason.DISCONNECTED;
        }
        int status = s.getInt(STATUS);
        if (status == 429) {
            return ErrorReason.RATE_LIMITED;
        }
        return status == 200 ? ErrorReason.PROTOCOL_ERROR : ErrorReason.SERVER_ERROR;
    }
}
